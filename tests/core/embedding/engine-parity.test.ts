/**
 * The engine (transformers.js on ORT-web WASM, one thread) reproduces an independent float64
 * forward pass of the same synthetic MiniLM to 1e-6, whatever the batching.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createNodeEngine, nodeModelFiles } from '../../../src/core/embedding/node';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { referenceEmbedding } from '../../helpers/reference-forward';
import { compareWithReference, maxDiff } from '../../helpers/reference-parity';
import { DEFAULT_SEED } from '../../helpers/synthetic-model';
import { createWeights } from '../../helpers/synthetic-weights';
import { PARITY_TEXTS } from './parity-texts';
import { referenceIds } from './reference-ids';

const TOLERANCE = 1e-6;
let engine: EmbeddingEngine;
let reference: Float64Array[];

beforeAll(async () => {
	engine = await createNodeEngine({ files: nodeModelFiles(inject('syntheticModelDir')) });
	const weights = createWeights({ seed: DEFAULT_SEED, gelu: 'erf' });
	reference = PARITY_TEXTS.map((text) => referenceEmbedding(weights, referenceIds(engine.tokenizer.wordPieces(text))));
});

afterAll(async () => {
	await engine?.dispose();
});

describe('engine vs float64 reference on the synthetic MiniLM', () => {
	test('covers 1 to more than 300 word pieces', () => {
		const counts = PARITY_TEXTS.map((t) => engine.tokenizer.countWordPieces(t));
		expect(PARITY_TEXTS.length).toBeGreaterThanOrEqual(20);
		expect(Math.min(...counts)).toBe(1);
		expect(Math.max(...counts)).toBeGreaterThan(300);
	});

	test('every element and every cosine agree within 1e-6, alone or in padded batches', async () => {
		const batched = await engine.embed(PARITY_TEXTS);
		const single: Float32Array[] = [];
		for (const text of PARITY_TEXTS) single.push(...(await engine.embed([text])));

		const batchedReport = compareWithReference(batched, reference, TOLERANCE);
		const singleReport = compareWithReference(single, reference, TOLERANCE);
		const batchVsSingle = maxDiff(batched, single);
		console.log(
			[
				'parity with float64 reference (synthetic all-MiniLM-L6-v2, fp32, ORT-web WASM 1 thread)',
				`  texts: ${PARITY_TEXTS.length}`,
				`  max |Δ element|  batched: ${batchedReport.maxElementDiff.toExponential(2)}  single: ${singleReport.maxElementDiff.toExponential(2)}`,
				`  max |Δ cosine|   batched: ${batchedReport.maxCosineDiff.toExponential(2)}  single: ${singleReport.maxCosineDiff.toExponential(2)}`,
				`  batch vs single  max |Δ element|: ${batchVsSingle.toExponential(2)}`,
				`  tolerance: ${TOLERANCE.toExponential(0)}`,
			].join('\n'),
		);
		expect(batchedReport.ok).toBe(true);
		expect(singleReport.ok).toBe(true);
		expect(batchVsSingle).toBeLessThanOrEqual(TOLERANCE);
	});

	test('embeddings are unit length and come back in input order', async () => {
		const texts = [...PARITY_TEXTS].reverse();
		const vectors = await engine.embed(texts);
		vectors.forEach((v, i) => {
			expect(v).toHaveLength(384);
			expect(Math.hypot(...v)).toBeCloseTo(1, 6);
			const r = reference[PARITY_TEXTS.length - 1 - i];
			expect(Math.abs(v[0] - r[0])).toBeLessThanOrEqual(TOLERANCE);
		});
	});
});
