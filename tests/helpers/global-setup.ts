/**
 * vitest globalSetup: builds the synthetic all-MiniLM-L6-v2 folders once per run (skipped when an
 * identical one already exists) and shares their paths with every test file via `inject`.
 * Lives in tests/.generated (git-ignored); the real tokenizer/config come from ../shared.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DEFAULT_SEED, ensureSyntheticModel } from './synthetic-model';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Synthetic MiniLM with exact (erf) GELU: the model the parity tests run. */
		syntheticModelDir: string;
		/** The same weights with tanh-approximate GELU: a deliberately faulty model. */
		syntheticTanhModelDir: string;
		/** The shared, read-only folder with the real tokenizer/config and reference values. */
		sharedDir: string;
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
}
