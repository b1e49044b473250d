/**
 * Real-browser end-to-end run: builds the harness page (with the plugin's worker bundle), serves
 * it, the synthetic model and a small vault from 127.0.0.1, and drives headless Chromium:
 *   1. first load: index the vault (everything embedded), search, related notes;
 *   2. reload: the same vault syncs from IndexedDB with nothing re-embedded;
 *   3. screenshot of the search modal and related view rendered with styles.css.
 * Main-thread long tasks are recorded by the page (PerformanceObserver 'longtask').
 * Returns what it measured; checks.ts judges it (tests/browser/e2e.test.ts).
 * page.evaluate callbacks are serialised into the page, so they reach `window.harness` directly.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import type { SearchOutcome } from '../../src/core/search/query';
import { buildHarness } from './build';
import { launch } from './chromium';
import type { RunInfo } from './harness';
import { serve } from './server';

/** A mix of topics, so search and related notes have something to separate. */
const VAULT_FOLDERS = ['Kitchen', 'Garden', 'Finance', 'Books', 'Health', 'Meetings'];
const QUERY = 'how do I keep a sourdough starter alive';
const RELATED_TO = 'Kitchen/Sourdough country loaf.md';

export interface E2EOptions {
	root: string;
	modelDir: string;
	outDir: string;
	log?: (line: string) => void;
}

export interface LongTask {
	start: number;
	duration: number;
}

export interface E2EResult {
	notes: number;
	first: RunInfo;
	second: RunInfo;
	firstSearch: SearchOutcome;
	secondSearch: SearchOutcome;
	related: SearchOutcome;
	/** Long tasks overlapping the indexing run of the first load (the one that embeds). */
	indexingLongTasks: LongTask[];
	/** Long tasks while the model loaded into the worker (first load). */
	modelLoadLongTasks: LongTask[];
	/** Every long task of the first page load, for the report. */
	allLongTasks: LongTask[];
	/** The observer saw a deliberate 150 ms block: "no long task" is a real measurement. */
	observerWorks: boolean;
	screenshot: string;
	/** Requests that did not go to the local server (must be none). */
	foreignRequests: string[];
	consoleErrors: string[];
	workerBytes: number;
	/** Rows in the rendered modal and view, and whether styles.css applied. */
	rendered: { searchRows: number; relatedRows: number; styled: boolean };
	/** Query-to-results times after the reload (worker embedding + search), ms. */
	searchMs: number[];
	seconds: number;
}

function sampleVault(root: string): { path: string; markdown: string; mtime: number }[] {
	const base = join(root, 'fixtures', 'sample-vault');
	const files: string[] = [];
	const walk = (dir: string): void => {
		for (const name of readdirSync(dir).sort()) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith('.md')) files.push(full);
		}
	};
	for (const folder of VAULT_FOLDERS) walk(join(base, folder));
	// A fixed mtime per note: the reload must see an unchanged vault.
	return files.map((file, i) => ({ path: relative(base, file), markdown: readFileSync(file, 'utf8'), mtime: 1_767_225_600_000 + i * 60_000 }));
}

const overlapping = (tasks: LongTask[], w: { start: number; end: number }): LongTask[] => tasks.filter((t) => t.start < w.end && t.start + t.duration > w.start);


async function waitForHarness(page: Page): Promise<void> {
	await page.waitForFunction(() => typeof (window as unknown as { harness?: unknown }).harness === 'object', undefined, { timeout: 60_000 });
}

export async function runE2E(opts: E2EOptions): Promise<E2EResult> {
	const log = opts.log ?? (() => undefined);
	const started = performance.now();
	const bundle = await buildHarness(opts.root);
	log(`harness built (worker ${(bundle.workerBytes / 1e6).toFixed(1)} MB)`);
	const vault = sampleVault(opts.root);
	const html = [
		'<!doctype html><html><head><meta charset="utf-8"><title>Semantic Note Search e2e</title>',
		'<link rel="stylesheet" href="/obsidian-theme.css"><link rel="stylesheet" href="/styles.css">',
		'</head><body class="theme-dark"><script src="/harness.js"></script></body></html>',
	].join('');
	const server = await serve({
		'/': { body: html, type: 'text/html; charset=utf-8' },
		'/harness.js': { body: bundle.js },
		'/styles.css': { body: readFileSync(join(opts.root, 'styles.css')) },
		'/obsidian-theme.css': { body: readFileSync(join(opts.root, 'scripts/browser/obsidian-theme.css')) },
		'/vault.json': { body: JSON.stringify(vault) },
		// Chromium asks for one on its own; answering keeps a stray 404 out of the page errors.
		'/favicon.ico': { body: new Uint8Array(0), type: 'image/x-icon' },
		'/model/': { dir: opts.modelDir },
	});
	const browser = await launch();
	try {
		const page = await browser.context.newPage();
		const foreignRequests: string[] = [];
		const consoleErrors: string[] = [];
		page.on('request', (req) => {
			const url = req.url();
			if (!url.startsWith(server.origin) && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
		});
		page.on('console', (msg) => {
			// Failed loads are reported by URL below; the console line would not say which.
			if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) consoleErrors.push(msg.text());
		});
		page.on('response', (res) => {
			if (res.status() >= 400) consoleErrors.push(`HTTP ${res.status()} for ${res.url()}`);
		});
		page.on('pageerror', (err) => consoleErrors.push(String(err)));
		page.setDefaultTimeout(240_000);

		await page.goto(`${server.origin}/`);
		await waitForHarness(page);
		const first = await page.evaluate(() => window.harness.run());
		log(`first load: embedded ${first.report.embedded} passages of ${first.report.notes} notes in ${((first.indexing.end - first.indexing.start) / 1000).toFixed(1)} s`);
		const firstSearch = await page.evaluate((q) => window.harness.search(q), QUERY);
		const allLongTasks = await page.evaluate(() => window.harness.longTasks());
		// After collecting the run's tasks: the probe's own long task must not count against indexing.
		const observerWorks = await page.evaluate(() => window.harness.probeLongTask(150));

		await page.reload();
		await waitForHarness(page);
		const second = await page.evaluate(() => window.harness.run());
		log(`reload: embedded ${second.report.embedded}, reused ${second.report.reused}, ${second.storedAtStart} records read from IndexedDB`);
		const secondSearch = await page.evaluate((q) => window.harness.search(q), QUERY);
		const related = await page.evaluate((p) => window.harness.related(p), RELATED_TO);
		// What a user waits for per query: embedding it in the worker, then the matrix scan.
		const searchMs: number[] = [];
		for (let i = 0; i < 5; i++) {
			searchMs.push(
				// A different query each time (the callback runs in the page: values go in as arguments).
				await page.evaluate(
					async ({ q, n }) => {
						const t0 = performance.now();
						await window.harness.search(`${q} ${n}`);
						return performance.now() - t0;
					},
					{ q: QUERY, n: i },
				),
			);
		}

		const longest = (w: { start: number; end: number }): string => `${Math.max(0, ...overlapping(allLongTasks, w).map((t) => t.duration)).toFixed(0)} ms`;
		const lines = [
			`${vault.length} notes, ${first.passages} passages · first load embedded ${first.report.embedded} · after reload embedded ${second.report.embedded}, ${second.storedAtStart} notes read from IndexedDB`,
			`Longest main-thread task: ${longest(first.indexing)} while indexing, ${longest(first.modelLoad)} while the model loaded · model: synthetic all-MiniLM-L6-v2 (random weights: rankings mean nothing)`,
		];
		await page.evaluate(({ q, p, l }) => window.harness.render(q, p, { lines: l }), { q: QUERY, p: RELATED_TO, l: lines });
		// The picture must show what the plugin renders: one row per result, styled by styles.css.
		const rendered = await page.evaluate(() => {
			const band = document.querySelector('.sns-band');
			return {
				searchRows: document.querySelectorAll('.prompt-results .suggestion-item.sns-result').length,
				relatedRows: document.querySelectorAll('.sns-related-list .sns-related-row.sns-result').length,
				// styles.css gives the band label a background; without the stylesheet it is transparent.
				styled: band !== null && getComputedStyle(band).backgroundColor !== 'rgba(0, 0, 0, 0)',
			};
		});
		mkdirSync(opts.outDir, { recursive: true });
		const screenshot = join(opts.outDir, 'e2e-search-and-related.png');
		await page.screenshot({ path: screenshot });
		log(`screenshot: ${screenshot}`);

		return {
			notes: vault.length,
			first,
			second,
			firstSearch,
			secondSearch,
			related,
			indexingLongTasks: overlapping(allLongTasks, first.indexing),
			modelLoadLongTasks: overlapping(allLongTasks, first.modelLoad),
			allLongTasks,
			observerWorks,
			screenshot,
			foreignRequests,
			consoleErrors,
			workerBytes: bundle.workerBytes,
			searchMs,
			rendered,
			seconds: (performance.now() - started) / 1000,
		};
	} finally {
		await browser.close();
		await server.close();
	}
}
