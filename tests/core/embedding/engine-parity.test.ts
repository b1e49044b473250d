/**
 * The engine (transformers.js on ORT-web WASM, one thread) reproduces an independent float64
 * forward pass of the same synthetic MiniLM to 1e-6, whatever the batching.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createNodeEngine, nodeModelFiles } from '../../../src/node/node-engine';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { referenceEmbeddings, SLOW_TIMEOUT } from '../../helpers/reference-cache';
import { printFigures, compareWithReference, maxDiff } from '../../helpers/reference-parity';
import { DEFAULT_SEED } from '../../helpers/synthetic-model';
import { PARITY_TEXTS } from './parity-texts';
import { referenceIds } from './reference-ids';

const TOLERANCE = 1e-6;
let engine: EmbeddingEngine;
let reference: Float64Array[];

beforeAll(async () => {
	engine = await createNodeEngine({ files: nodeModelFiles(inject('syntheticModelDir')) });
	const ids = PARITY_TEXTS.map((text) => referenceIds(engine.tokenizer.wordPieces(text)));
	reference = await referenceEmbeddings({ seed: DEFAULT_SEED, gelu: 'erf' }, ids);
}, SLOW_TIMEOUT);

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
		printFigures(
			[
				'parity with float64 reference (synthetic all-MiniLM-L6-v2, fp32, ORT-web WASM 1 thread)',
				`  texts: ${PARITY_TEXTS.length}`,
				`  max |Δ element|  batched: ${batchedReport.maxElementDiff.toExponential(2)}  single: ${singleReport.maxElementDiff.toExponential(2)}`,
				`  max |Δ cosine|   batched: ${batchedReport.maxCosineDiff.toExponential(2)}  single: ${singleReport.maxCosineDiff.toExponential(2)}`,
				`  batch vs single  max |Δ element|: ${batchVsSingle.toExponential(2)}`,
				`  tolerance: ${TOLERANCE.toExponential(0)}`,
			].join('\n'),
		);
		for (const v of batched) expect(Math.hypot(...v)).toBeCloseTo(1, 6);
		expect(batchedReport.ok).toBe(true);
		expect(singleReport.ok).toBe(true);
		expect(batchVsSingle).toBeLessThanOrEqual(TOLERANCE);
	}, SLOW_TIMEOUT);

	test('embedding already tokenized word pieces (the indexing path) agrees within 1e-6 too', async () => {
		// Row by row: one call padding every text to the longest would be slow and prove no more.
		const fromIds: Float32Array[] = [];
		for (const text of PARITY_TEXTS) fromIds.push(...(await engine.embedWordPieces([engine.tokenizer.wordPieces(text)])));
		expect(compareWithReference(fromIds, reference, TOLERANCE).ok).toBe(true);
	}, SLOW_TIMEOUT);
});
