/**
 * Proof that the parity check has teeth: each classic mistake that makes JavaScript MiniLM scores
 * disagree with Python (see ../shared/seed) is built as a faulty engine, and the same check the
 * parity test uses must report FAILURE, with differences far above the 1e-6 tolerance.
 */
import { afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { createEngineWithStages } from '../../../src/core/embedding/engine';
import { nodeModelFiles, nodeWasmBinary } from '../../../src/node/node-engine';
import { correctStages } from '../../../src/core/embedding/stages';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { referenceEmbeddings, SLOW_TIMEOUT } from '../../helpers/reference-cache';
import { printFigures, compareWithReference, type ParityReport } from '../../helpers/reference-parity';
import { DEFAULT_SEED } from '../../helpers/synthetic-model';
import { faultyVariants } from './faulty-variants';
import { PARITY_TEXTS } from './parity-texts';
import { referenceIds } from './reference-ids';

const TOLERANCE = 1e-6;
/**
 * "Far above tolerance": at least 20x. The subtlest bug, tanh-GELU, moves embeddings by ~5e-5
 * (its error is ≤ ~1e-4 per activation and LayerNorm/mean pooling damp it), while the correct
 * engine stays near 1e-7; the other bugs are 1e-3 and more.
 */
const FAR_ABOVE = 20 * TOLERANCE;

let reference: Float64Array[];
let engine: EmbeddingEngine | undefined;
const reports: [string, ParityReport][] = [];

beforeAll(async () => {
	// Reference ids come from the correct rule (256, [SEP] last), independent of the variants.
	const probe = await createEngineWithStages({ files: nodeModelFiles(inject('syntheticModelDir')), wasmBinary: await nodeWasmBinary() }, correctStages);
	const ids = PARITY_TEXTS.map((text) => referenceIds(probe.tokenizer.wordPieces(text)));
	await probe.dispose();
	reference = await referenceEmbeddings({ seed: DEFAULT_SEED, gelu: 'erf' }, ids);
}, SLOW_TIMEOUT);

afterEach(async () => {
	await engine?.dispose();
	engine = undefined;
});

describe('the parity check fails for each known bug class', () => {
	test.each(faultyVariants(inject('syntheticModelDir'), inject('syntheticTanhModelDir')))('$name', async ({ name, modelDir, stages }) => {
		// One call with all texts, in small batches of mixed lengths: every batch contains padding,
		// and little time goes to padding the short texts to the longest.
		engine = await createEngineWithStages({ files: nodeModelFiles(modelDir), wasmBinary: await nodeWasmBinary(), batchSize: 6 }, stages);
		const report = compareWithReference(await engine.embed(PARITY_TEXTS), reference, TOLERANCE);
		reports.push([name, report]);
		printFigures(
			`faulty variant "${name}": max |Δ element| ${report.maxElementDiff.toExponential(2)}, max |Δ cosine| ${report.maxCosineDiff.toExponential(2)} → ${report.ok ? 'PASSED (bad!)' : 'fails as it must'}`,
		);
		expect(report.ok).toBe(false);
		expect(Math.max(report.maxElementDiff, report.maxCosineDiff)).toBeGreaterThan(FAR_ABOVE);
	}, SLOW_TIMEOUT);
});
