/**
 * The related notes section under a note, per update: the plugin's RelatedUnderNotes redrawing the
 * section (both modes) in headless Chromium over the e2e host's markdown view, layout included
 * (under-note-page.ts). Judged on main-thread CPU time per update (Chromium's ThreadTime), which
 * stays meaningful when other processes share the cores; wall-clock percentiles are shown too.
 * The default 20 rows carry the 5 ms target; 100 (the most the setting allows) is shown too. Each
 * is measured with the section below the window (the editor at the top of a long note, as while
 * typing in it) and in view (the editor scrolled to its end).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePageScript } from '../browser/build';
import { chromiumMissing, launch } from '../browser/chromium';
import type { Place, RenderTimes } from './under-note-page';
import { runPart } from './part';
import { percentile } from './stats';

export interface UnderNoteRow {
	rows: number;
	place: Place;
	/** Main-thread CPU time per update (Chromium's ThreadTime): what an idle core would take, whatever else ran. */
	cpuMs: number;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
	/** The plugin's script and DOM calls alone, before layout. */
	scriptP50Ms: number;
	runs: number;
}

export interface UnderNoteResult {
	rows?: UnderNoteRow[];
	/** Main-thread CPU per update of the page's plain-DOM yardstick (under-note-page.ts `baseline`). */
	baselineCpuMs?: number;
	skipped?: string;
}

runPart<{ root: string; rowCounts: number[]; runs: number }, UnderNoteResult>(async ({ root, rowCounts, runs }) => {
	const missing = chromiumMissing();
	if (missing) return { skipped: missing };
	// The plugin's code imports `obsidian`: the e2e host's module, over the real DOM.
	const page = await bundlePageScript(root, 'scripts/bench/under-note-page.ts', { alias: { obsidian: join(root, 'scripts/browser/host/obsidian.ts') } });
	const css = ['scripts/browser/obsidian-theme.css', 'styles.css'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
	const browser = await launch();
	try {
		const tab = await browser.context.newPage();
		await tab.setViewportSize({ width: 1280, height: 800 });
		await tab.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body class="theme-dark"></body></html>');
		await tab.addStyleTag({ content: css });
		await tab.addScriptTag({ content: page });
		const cdp = await browser.context.newCDPSession(tab);
		await cdp.send('Performance.enable');
		const threadTime = async (): Promise<number> => {
			const { metrics } = await cdp.send('Performance.getMetrics');
			const value = metrics.find((m) => m.name === 'ThreadTime')?.value;
			if (value === undefined) throw new Error('Chromium reports no ThreadTime metric');
			return value * 1000;
		};
		const rows: UnderNoteRow[] = [];
		for (const count of rowCounts) for (const place of ['below', 'in-view'] as const) {
			await tab.evaluate(([n, p]) => window.benchUnderNote.setup(n, p), [count, place] as const);
			// Warm-up: the first redraws compile the code paths.
			await tab.evaluate(() => window.benchUnderNote.run(20));
			const before = await threadTime();
			const m: RenderTimes = await tab.evaluate((n) => window.benchUnderNote.run(n), runs);
			const cpuMs = ((await threadTime()) - before) / runs;
			rows.push({ rows: count, place, cpuMs, p50Ms: percentile(m.times, 50), p95Ms: percentile(m.times, 95), maxMs: Math.max(...m.times), scriptP50Ms: percentile(m.scriptTimes, 50), runs });
		}
		const before = await threadTime();
		await tab.evaluate((n) => window.benchUnderNote.baseline(n), runs);
		const baselineCpuMs = ((await threadTime()) - before) / runs;
		return { rows, baselineCpuMs };
	} finally {
		await browser.close();
	}
});
