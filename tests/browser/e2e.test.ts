/**
 * Real-browser end-to-end test (headless Debian Chromium via playwright-core): the plugin's worker
 * bundle, WASM and IndexedDB store in a real page — index, search, reload without re-embedding,
 * no main-thread long task over 100 ms while indexing, and a screenshot of the rendered results.
 * Skips, saying why, where /usr/bin/chromium is absent; CI installs it, so it runs there.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { chromiumMissing } from '../../scripts/browser/chromium';
import { checkE2E } from '../../scripts/browser/checks';
import { runE2E } from '../../scripts/browser/e2e';

const root = fileURLToPath(new URL('../..', import.meta.url));
const missing = chromiumMissing();
if (missing) process.stdout.write(`\n[tests/browser/e2e.test.ts] SKIPPED: ${missing}\n`);

describe('plugin path in a real browser', () => {
	it.skipIf(missing !== undefined)(
		'indexes in a Blob worker, persists to IndexedDB, reloads without re-embedding, never blocks the main thread',
		async () => {
			const result = await runE2E({
				root,
				modelDir: inject('syntheticModelDir'),
				outDir: join(root, 'tests', '.generated', 'browser'),
				log: (line) => process.stdout.write(`[e2e] ${line}\n`),
			});
			const longest = (tasks: { duration: number }[]): string => `${Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)} ms`;
			process.stdout.write(
				`[e2e] longest main-thread task: ${longest(result.indexingLongTasks)} while indexing, ${longest(result.modelLoadLongTasks)} while the model loaded; ` +
					`re-embedded on reload: ${result.second.report.embedded}; ` +
					`query to results ${[...result.searchMs].sort((a, b) => a - b)[2].toFixed(0)} ms (median of 5); ${result.seconds.toFixed(0)} s\n`,
			);
			expect(checkE2E(result)).toEqual([]);
			expect(result.second.report.embedded).toBe(0);
		},
		300_000,
	);
});
