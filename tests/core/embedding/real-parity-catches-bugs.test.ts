/**
 * The real-weights parity check has teeth too: each known bug class, run on the real
 * all-MiniLM-L6-v2, must fail the same 1e-5 comparison with sentence-transformers that the correct
 * engine passes (real-parity.test.ts), by far more than the tolerance.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createEngineWithStages } from '../../../src/core/embedding/engine';
import { nodeModelFiles, nodeWasmBinary } from '../../../src/node/node-engine';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { oracleEmbed, realModel } from '../../helpers/real-model';
import { SLOW_TIMEOUT } from '../../helpers/reference-cache';
import { compareWithReference, printFigures } from '../../helpers/reference-parity';
import { faultyVariants } from './faulty-variants';
import { PARITY_TEXTS } from './parity-texts';

const TOLERANCE = 1e-5;
const FAR_ABOVE = 5 * TOLERANCE;
const model = realModel('faulty variants against sentence-transformers');

describe.skipIf(!model.available)('on the real model, the parity check fails for each known bug class', () => {
	const { dir, faultyTanhDir, python } = model as Extract<typeof model, { available: true }>;
	let oracle: Float64Array[];
	let engine: EmbeddingEngine | undefined;

	beforeAll(async () => {
		oracle = (await oracleEmbed(python, PARITY_TEXTS)).embeddings.map((e) => Float64Array.from(e));
	}, SLOW_TIMEOUT);
	afterEach(async () => {
		await engine?.dispose();
		engine = undefined;
	});

	test.each(faultyVariants(dir, faultyTanhDir))('$name', async ({ name, modelDir, stages }) => {
		// Small batches of mixed lengths: every batch has padding for the mask and pooling bugs to show.
		engine = await createEngineWithStages({ files: nodeModelFiles(modelDir), wasmBinary: await nodeWasmBinary(), batchSize: 6 }, stages);
		const report = compareWithReference(await engine.embed(PARITY_TEXTS), oracle, TOLERANCE);
		printFigures(
			`real model, faulty variant "${name}": max |Δ element| ${report.maxElementDiff.toExponential(2)}, max |Δ cosine| ${report.maxCosineDiff.toExponential(2)} → ${report.ok ? 'PASSED (bad!)' : 'fails as it must'}`,
		);
		expect(report.ok).toBe(false);
		expect(Math.max(report.maxElementDiff, report.maxCosineDiff)).toBeGreaterThan(FAR_ABOVE);
	}, SLOW_TIMEOUT);
});
