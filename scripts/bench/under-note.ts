/**
 * The related notes section under a note, per update: the plugin's RelatedUnderNotes redrawing the
 * section (both modes) in headless Chromium over the e2e host's markdown view, layout included
 * (under-note-page.ts). The default 20 rows carry the 5 ms target; 100 (the most the setting allows) is shown too.
 */
import esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumMissing, launch } from '../browser/chromium';
import type { RenderTimes } from './under-note-page';
import { runPart } from './part';
import { percentile } from './stats';

export interface UnderNoteRow {
	rows: number;
	firstMs: number;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
	/** The plugin's script and DOM calls alone, before layout. */
	scriptP50Ms: number;
	runs: number;
}

runPart<{ root: string; rowCounts: number[]; runs: number }, { rows?: UnderNoteRow[]; skipped?: string }>(async ({ root, rowCounts, runs }) => {
	const missing = chromiumMissing();
	if (missing) return { skipped: missing };
	const page = await esbuild.build({
		entryPoints: [join(root, 'scripts/bench/under-note-page.ts')],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'warning',
		absWorkingDir: root,
		alias: { obsidian: join(root, 'scripts/browser/host/obsidian.ts') },
	});
	const css = ['scripts/browser/obsidian-theme.css', 'styles.css'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
	const browser = await launch();
	try {
		const tab = await browser.context.newPage();
		await tab.setViewportSize({ width: 1280, height: 800 });
		await tab.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body class="theme-dark"></body></html>');
		await tab.addStyleTag({ content: css });
		await tab.addScriptTag({ content: page.outputFiles[0].text });
		const measured: RenderTimes[] = await tab.evaluate(({ counts, n }) => window.benchUnderNote(counts, n), { counts: rowCounts, n: runs });
		return {
			rows: measured.map((m) => ({ rows: m.rows, firstMs: m.firstMs, p50Ms: percentile(m.times, 50), p95Ms: percentile(m.times, 95), maxMs: Math.max(...m.times), scriptP50Ms: percentile(m.scriptTimes, 50), runs: m.times.length })),
		};
	} finally {
		await browser.close();
	}
});
