/**
 * Real-browser end-to-end test (headless Debian Chromium via playwright-core): the production
 * main.js loaded into a minimal Obsidian host page and driven through its own onload, commands
 * and DOM — start-up indexing in the Blob worker, search from the modal, the related view,
 * reload from IndexedDB without re-embedding, reindex, unload — with no main-thread long task
 * over 100 ms, and a screenshot of the rendered results.
 * Skips, saying why, where /usr/bin/chromium is absent; CI installs it, so it runs there.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { chromiumMissing } from '../../scripts/browser/chromium';
import { checkE2E, lastRun } from '../../scripts/browser/checks';
import { runE2E } from '../../scripts/browser/e2e';

const root = fileURLToPath(new URL('../..', import.meta.url));
const missing = chromiumMissing();
if (missing) process.stdout.write(`\n[tests/browser/e2e.test.ts] SKIPPED: ${missing}\n`);

describe('the built plugin in a real browser', () => {
	it.skipIf(missing !== undefined)(
		'indexes on start-up, searches from the modal, shows related notes, reloads without re-embedding, reindexes and unloads cleanly',
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
					`re-embedded on reload: ${lastRun(result.second.status).embedded}; ` +
					`typing to results ${result.searchMs} ms (with the 250 ms typing debounce); ${result.seconds.toFixed(0)} s\n` +
					`[e2e] page times: main.js evaluated ${result.first.start.evaluated.toFixed(0)} ms, onload ${result.first.start.onload.toFixed(0)}–${result.first.start.loaded.toFixed(0)} ms; ` +
					`long tasks of the first load: ${result.allLongTasks.map((t) => `${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)}`).join(', ')}\n`,
			);
			expect(checkE2E(result)).toEqual([]);
		},
		300_000,
	);
});
