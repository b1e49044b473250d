/**
 * The real-model tier must prove something about the weights: run on the synthetic MiniLM (random
 * weights, real tokenizer), every one of its tests has to fail. A test that passes there would pass
 * on a broken model too, because shared word pieces alone can rank notes (issue 8, part 5).
 * The faulty-variant file is left out on purpose: it asserts that wrong pipelines FAIL parity, which
 * they also do on random weights; its counterpart, the correct pipeline passing, is in the tier.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, test } from 'vitest';
import { realModel } from './helpers/real-model';
import { SLOW_TIMEOUT } from './helpers/reference-cache';

export const REAL_TIER = [
	'tests/core/embedding/real-parity.test.ts',
	'tests/core/fixtures/real-model.test.ts',
	'tests/core/search/sample-vault-real-model.test.ts',
	'tests/obsidian/runtime/model-check-real.test.ts',
	'tests/core/search/calibration-real-model.test.ts',
	'tests/core/answer/answer-real-model.test.ts',
];

const repoRoot = path.resolve(__dirname, '..');
const model = realModel('the guard that runs the tier on a synthetic model');

interface JsonReport {
	testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

describe.skipIf(!model.available)('the real-model tier on a synthetic model with random weights', () => {
	test(
		'fails every one of its tests',
		async () => {
			const out = mkdtempSync(path.join(os.tmpdir(), 'note-search-guard-'));
			try {
				const report = path.join(out, 'report.json');
				const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
				await promisify(execFile)(process.execPath, [vitest, 'run', ...REAL_TIER, '--reporter=json', `--outputFile=${report}`], {
					cwd: repoRoot,
					env: { ...process.env, NOTE_SEARCH_MODEL_DIR: inject('syntheticModelDir'), NOTE_SEARCH_REQUIRE_REAL_MODEL: '1' },
					maxBuffer: 64 * 1024 * 1024,
				}).catch((error: unknown) => error); // Failing is the expected outcome.
				const results = (JSON.parse(readFileSync(report, 'utf8')) as JsonReport).testResults.flatMap((file) => file.assertionResults);
				expect(results.length).toBeGreaterThanOrEqual(10);
				const passed = results.filter((r) => r.status !== 'failed').map((r) => `${r.fullName} (${r.status})`);
				expect(passed, 'real-tier tests that do not fail on random weights').toEqual([]);
			} finally {
				rmSync(out, { recursive: true, force: true });
			}
		},
		SLOW_TIMEOUT,
	);
});
