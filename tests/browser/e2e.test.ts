/**
 * Real-browser end-to-end test (headless Debian Chromium via playwright-core): the production
 * main.js loaded into a minimal Obsidian host page and driven through its own onload, commands
 * and DOM — the model check, start-up indexing in the Blob worker, search from the modal, the
 * related view, the related notes under the note (in both modes, the editor's scroll position kept),
 * page preview requests on hover, a `path:` + `tag:` search (screenshot), reload from IndexedDB
 * without re-embedding, reindex, unload — with the model only ever compiled in the workers (the
 * main thread's longest task is printed here and judged by `npm run bench -- main-thread`), and a
 * screenshot of the rendered results. Three models: the synthetic
 * one (which fails the model check, so the user's "use anyway" path runs) and the real
 * all-MiniLM-L6-v2 in fp32 and q8, whose rankings must be right.
 * Skips, saying why, where /usr/bin/chromium is absent; CI installs it, so it runs there.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { chromiumMissing } from '../../scripts/browser/chromium';
import { checkE2E, lastRun } from '../../scripts/browser/checks';
import { runE2E, type E2EResult } from '../../scripts/browser/e2e';
import { realModel } from '../helpers/real-model';

const root = fileURLToPath(new URL('../..', import.meta.url));
const missing = chromiumMissing();
if (missing) process.stdout.write(`\n[tests/browser/e2e.test.ts] SKIPPED: ${missing}\n`);
const real = realModel('the browser run with the real model');

function report(result: E2EResult): void {
	const longest = (tasks: { duration: number }[]): string => `${Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)} ms`;
	process.stdout.write(
		`[e2e] ${result.first.modelCheck ?? 'no model check shown'}\n` +
			`[e2e] longest main-thread task: ${longest(result.indexingLongTasks)} while indexing, ${longest(result.modelLoadLongTasks)} while the model loaded; ` +
			`WebAssembly compiled on the page thread: ${result.mainThreadWasm}; re-embedded on reload: ${lastRun(result.second.status).embedded}; ` +
			`typing to results ${result.searchMs} ms (with the 250 ms typing debounce); ${result.seconds.toFixed(0)} s\n` +
			`[e2e] search "${'how do I keep a sourdough starter alive'}": ${result.firstSearch.map((r) => `${r.title} ${r.score.toFixed(2)}`).join(', ')}\n` +
			`[e2e] contains your words: ${result.firstSearchWords.join(', ') || 'none'}\n` +
			`[e2e] related to Sourdough country loaf: ${result.related.map((r) => `${r.title} ${r.score.toFixed(2)}`).join(', ') || result.relatedEmpty}\n` +
			`[e2e] under the note: ${result.underNote.live.length} rows; editor scrollTop ${result.underNote.firstRender.before} → ${result.underNote.firstRender.after} (first render), ` +
			`${result.underNote.redraw.before} → ${result.underNote.redraw.after} (redraw at the end)\n` +
			`[e2e] filtered search: ${result.filteredSearch.map((r) => `${r.title} ${r.score.toFixed(2)}`).join(', ')}; page preview requests: ${result.hoverLinks.length}\n`,
	);
}

const run = (modelDir: string, dtype: 'fp32' | 'q8', banner: string, screenshotName: string) =>
	runE2E({ root, modelDir, dtype, banner, screenshotName, outDir: join(root, 'tests', '.generated', 'browser'), log: (line) => process.stdout.write(`[e2e] ${line}\n`) });

describe('the built plugin in a real browser', () => {
	it.skipIf(missing !== undefined)(
		'with a model that fails the check: indexes once the user uses it anyway, searches (also filtered), shows related notes in the sidebar and under the note, asks for page previews, reloads without re-embedding, reindexes and unloads cleanly',
		async () => {
			const result = await run(inject('syntheticModelDir'), 'fp32', 'synthetic model with random weights: rankings mean nothing', 'e2e-synthetic.png');
			report(result);
			expect(checkE2E(result, 'fails')).toEqual([]);
		},
		300_000,
	);

	it.skipIf(missing !== undefined || !real.available).each([['fp32'], ['q8']] as ['fp32' | 'q8'][])(
		'with the real all-MiniLM-L6-v2 in %s: passes the model check and ranks the sourdough notes first',
		async (dtype) => {
			const dir = (real as Extract<typeof real, { available: true }>).dir;
			const result = await run(dir, dtype, `the real all-MiniLM-L6-v2 (${dtype}, exported by reference/)`, `e2e-real-${dtype}.png`);
			report(result);
			expect(checkE2E(result, 'passes')).toEqual([]);
			expect(result.firstSearch[0]?.title).toBe('Sourdough starter');
			expect(result.related[0]?.title).toBe('Sourdough starter');
			// Different topics stay out of the bread note's related list.
			expect(result.related.map((r) => r.title)).not.toContain('Emergency fund');
		},
		300_000,
	);
});
