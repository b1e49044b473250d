/**
 * Real-browser end-to-end run of the built plugin: builds the production main.js and the host
 * page (page.ts), serves them, the synthetic model and a small vault from 127.0.0.1, and drives
 * headless Chromium through the plugin's own commands and DOM:
 *   1. first start: onload, the start-up sync indexes the vault; search from the modal;
 *   2. reload: the same vault syncs from IndexedDB with nothing re-embedded; the same search, the
 *      related view in the right sidebar, the section under the note (scroll position kept, both
 *      modes), a hover's page preview request; a screenshot; a `path:` + `tag:` search and its screenshot;
 *   3. reindex (confirmed in the plugin's modal) embeds everything again; unload leaves nothing.
 * Main-thread long tasks are recorded by the page (PerformanceObserver 'longtask').
 * Returns what it measured; checks.ts judges it (tests/browser/e2e.test.ts).
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { buildPage } from './build';
import { launch } from './chromium';
import type { StartInfo } from './page';
import { serve } from './server';

/** A mix of topics, so search and related notes have something to separate. */
const VAULT_FOLDERS = ['Kitchen', 'Garden', 'Finance', 'Books', 'Health', 'Meetings'];
const QUERY = 'how do I keep a sourdough starter alive';
const RELATED_TO = 'Kitchen/Sourdough country loaf.md';
/** The same question restricted as Obsidian's search writes it: a folder and a frontmatter tag. */
const FILTER = { folder: 'Kitchen/', tag: 'sourdough' };
const FILTERED_QUERY = `path:${FILTER.folder} tag:#${FILTER.tag} ${QUERY}`;
/** The editor's scroll position, as read by the driver. */
const SCROLLER = '.mod-root .cm-scroller';
const LIVE_SECTION = '.mod-root .cm-sizer > .sns-under-note';

export interface E2EOptions {
	root: string;
	modelDir: string;
	dtype: 'fp32' | 'q8';
	/** What the page's banner says about the model (the screenshot shows it). */
	banner: string;
	/** Screenshot file name in outDir. */
	screenshotName: string;
	outDir: string;
	log?: (line: string) => void;
}

export interface LongTask {
	start: number;
	duration: number;
}

/** A result row as the plugin rendered it. */
export interface Row {
	title: string;
	/** From the band label's "Similarity 0.53". */
	score: number;
	text: string;
	/** The snippet's marked answer sentences (search rows), '' when none. */
	answer: string;
}

/** The plugin's "Show index status" table, row name → value. */
export type IndexStatusTable = Record<string, string>;

export interface Startup {
	start: StartInfo;
	status: IndexStatusTable;
	/** The status modal's model check line, and whether the user had to choose to use the model anyway. */
	modelCheck: string | undefined;
	usedModelAnyway: boolean;
	/** Page-clock windows: onload until the status bar first shows indexing (the model loads), then until the sync reported. */
	modelLoad: { start: number; end: number };
	indexing: { start: number; end: number };
}

/** The related notes section under the open note (the setting is on in the host's data.json). */
export interface UnderNoteRun {
	/** Its rows in live preview, and in Reading view after switching modes. */
	live: Row[];
	liveEmpty?: string;
	reading: Row[];
	readingVisible: boolean;
	/** The editor could scroll before the section was there, so the positions below are real. */
	scrollable: boolean;
	/** Editor scrollTop set before the section first rendered, and after it rendered. */
	firstRender: { before: number; after: number };
	/** Scrolled to the very bottom before a redraw (after a settings change), and after it. */
	redraw: { before: number; after: number };
}

/** A `hover-link` event as the workspace received it. */
export interface HoverLink {
	source: string;
	linktext: string;
	hasHoverParent: boolean;
	targetClass: string;
}

export interface E2EResult {
	notes: number;
	first: Startup;
	second: Startup;
	/** The results by meaning of the first search (the "Contains your words" rows are apart). */
	firstSearch: Row[];
	/** Titles in the first search's "Contains your words" section. */
	firstSearchWords: string[];
	secondSearch: Row[];
	related: Row[];
	relatedEmpty?: string;
	underNote: UnderNoteRun;
	/** Hovering the first row under the note: the events, and the sources registered with Page preview. */
	hoverLinks: HoverLink[];
	hoverSources: Record<string, { display: string; defaultMod?: boolean }>;
	/** `path:Kitchen/ tag:#sourdough …` in the search modal, and the titles that filter allows (read from the notes here). */
	filteredSearch: Row[];
	filterAllows: string[];
	filteredScreenshot: string;
	reindex: IndexStatusTable;
	notices: string[];
	/** Long tasks while the first start-up sync embedded the vault. */
	indexingLongTasks: LongTask[];
	/** Long tasks from onload until indexing started (reading the model, starting the worker). */
	modelLoadLongTasks: LongTask[];
	/** Every long task of the first page load, for the report (main.js evaluation is one). */
	allLongTasks: LongTask[];
	/** The observer saw a deliberate 150 ms block: "no long task" is a real measurement. */
	observerWorks: boolean;
	/** WebAssembly compilations on the page's thread during the first start and search. */
	mainThreadWasm: number;
	/** Compiling a module on the page counted: 0 compilations above is a real measurement. */
	wasmCounterWorks: boolean;
	/** After unload: the plugin's commands, status bar item and views, and running workers. */
	afterUnload: { commands: number; statusBarItems: number; relatedViews: number; underNoteSections: number; workersRunning: number };
	screenshot: string;
	styled: boolean;
	foreignRequests: string[];
	consoleErrors: string[];
	mainJsBytes: number;
	/** Typing the query to results shown, ms (includes the modal's 250 ms typing debounce). */
	searchMs: number;
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

/** Opens "Show index status" and reads its table; closes the modal again. */
async function indexStatus(page: Page): Promise<IndexStatusTable> {
	return (await readStatusModal(page, false)).table;
}

/**
 * Reads the status modal: its table and model check line. With `useAnyway`, a model that failed
 * its check is accepted with the modal's own button, as a user would; otherwise the modal closes.
 */
async function readStatusModal(page: Page, useAnyway: boolean): Promise<{ table: IndexStatusTable; modelCheck: string | undefined; usedAnyway: boolean }> {
	await page.evaluate(() => window.host.command('show-index-status'));
	await page.waitForSelector('.sns-status-table');
	const table = await page.$$eval('.sns-status-table tr', (rows) => Object.fromEntries(rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td')?.textContent ?? ''])));
	const modelCheck = (await page.$eval('.modal', (el) => el.querySelector('.sns-model-check')?.textContent)) ?? undefined;
	const button = useAnyway ? await page.$('.modal button.mod-warning') : null;
	if (button) await button.click();
	else await page.click('.modal-bg');
	return { table, modelCheck, usedAnyway: button !== null };
}

/** Starts the plugin and waits, through its status modal, until the start-up sync has reported. */
async function startPlugin(page: Page): Promise<Startup> {
	await page.waitForFunction(() => typeof window.host === 'object');
	const start = await page.evaluate(() => window.host.start());
	let usedModelAnyway = false;
	for (;;) {
		const { table: status, modelCheck, usedAnyway } = await readStatusModal(page, true);
		usedModelAnyway ||= usedAnyway;
		if (status['Last run'] !== undefined && status['Current run'] === 'Not running') {
			const end = await page.evaluate(() => performance.now());
			const shown = (await page.evaluate(() => window.host.statusBar())).find((s) => s.text.startsWith('Indexing'));
			const indexingStart = shown?.at ?? end;
			return { start, status, modelCheck, usedModelAnyway, modelLoad: { start: start.onload, end: indexingStart }, indexing: { start: indexingStart, end } };
		}
		await page.waitForTimeout(250);
	}
}

/** Types the query into the plugin's search modal and reads the rows it renders. */
async function search(page: Page, query: string): Promise<{ rows: Row[]; words: string[]; ms: number }> {
	await page.evaluate(() => window.host.command('search'));
	await page.waitForSelector('.prompt-input');
	const t0 = Date.now();
	await page.fill('.prompt-input', query);
	await page.waitForSelector('.prompt-results .suggestion-item, .prompt-results .suggestion-empty:not(:empty)');
	await page.waitForFunction(() => document.querySelector('.prompt-results .suggestion-item') !== null || !document.querySelector('.suggestion-empty')?.textContent?.includes('Type'));
	const ms = Date.now() - t0;
	// Answers fill in after the rows, one row at a time: read the rows once every row has its own.
	await page
		.waitForFunction(() => [...document.querySelectorAll('.prompt-results .suggestion-item:not(.sns-word-match)')].every((row) => row.querySelector('.sns-answer') !== null), undefined, { timeout: 60_000 })
		.catch(() => undefined);
	const words = await page.$$eval('.prompt-results .sns-word-match .sns-result-title', (els) => els.map((el) => el.textContent ?? ''));
	return { rows: await readRows(page, '.prompt-results .suggestion-item:not(.sns-word-match)'), words, ms };
}

function readRows(page: Page, selector: string): Promise<Row[]> {
	return page.$$eval(selector, (els) =>
		els.map((el) => ({
			title: el.querySelector('.sns-result-title')?.textContent ?? '',
			score: Number(/Similarity (-?[\d.]+)/.exec(el.querySelector('.sns-band')?.getAttribute('aria-label') ?? '')?.[1]),
			text: el.textContent ?? '',
			answer: [...el.querySelectorAll('.sns-answer')].map((m) => m.textContent ?? '').join(' '),
		})),
	);
}

/** Titles of the notes in FILTER's folder with FILTER's tag in their frontmatter, read here from the notes themselves. */
function filterAllows(vault: { path: string; markdown: string }[]): string[] {
	return vault
		.filter((n) => n.path.startsWith(FILTER.folder))
		.filter((n) => (/^tags:\s*\[([^\]]*)\]/m.exec(n.markdown)?.[1] ?? '').split(',').map((t) => t.trim()).includes(FILTER.tag))
		.map((n) => n.path.slice(n.path.lastIndexOf('/') + 1, -'.md'.length));
}

/**
 * Redraws the section under the note through the plugin's own path (the sidebar's "Hide notes
 * already linked" switch changes a setting; open views then refresh) and waits for the new rows.
 */
async function redrawUnderNote(page: Page): Promise<void> {
	// The section updates its rows in place, so the redraw shows as changed text, not new elements.
	const before = await page.$eval(LIVE_SECTION, (el) => el.textContent);
	await page.click('.mod-right-split .sns-hide-linked input');
	await page.waitForFunction(({ section, text }) => document.querySelector(section)?.textContent !== text, { section: LIVE_SECTION, text: before });
}

/** Opens the note with a short window, so the editor scrolls, and checks the section under it. */
async function underNote(page: Page): Promise<UnderNoteRun> {
	await page.setViewportSize({ width: 1280, height: 480 });
	const firstBefore = await page.evaluate(
		async ({ path, scroller }) => {
			await window.host.openNote(path);
			const el = document.querySelector(scroller);
			if (!el) throw new Error(`no ${scroller}`);
			el.scrollTop = 60;
			return el.scrollTop;
		},
		{ path: RELATED_TO, scroller: SCROLLER },
	);
	await page.waitForSelector(`${LIVE_SECTION} .sns-related-row, ${LIVE_SECTION} .sns-empty`);
	const scrollTop = () => page.$eval(SCROLLER, (el) => el.scrollTop);
	const firstAfter = await scrollTop();
	const live = await readRows(page, `${LIVE_SECTION} .sns-related-row`);
	const liveEmpty = (await page.$eval(LIVE_SECTION, (el) => el.querySelector('.sns-empty')?.textContent)) ?? undefined;
	// Hide linked notes on (a redraw), then at the very bottom off again (a redraw to the first list).
	await redrawUnderNote(page);
	const redrawBefore = await page.$eval(SCROLLER, (el) => {
		el.scrollTop = el.scrollHeight;
		return el.scrollTop;
	});
	await redrawUnderNote(page);
	const redrawAfter = await scrollTop();
	await page.evaluate(() => window.host.setMode('preview'));
	const readingSection = '.mod-root .markdown-reading-view .sns-under-note';
	const reading = await readRows(page, `${readingSection} .sns-related-row`);
	const readingVisible = await page.$eval(readingSection, (el) => (el as HTMLElement).offsetParent !== null);
	await page.evaluate(() => window.host.setMode('source'));
	await page.setViewportSize({ width: 1280, height: 800 });
	return {
		live,
		liveEmpty,
		reading,
		readingVisible,
		scrollable: firstBefore === 60,
		firstRender: { before: firstBefore, after: firstAfter },
		redraw: { before: redrawBefore, after: redrawAfter },
	};
}

export async function runE2E(opts: E2EOptions): Promise<E2EResult> {
	const log = opts.log ?? (() => undefined);
	const started = performance.now();
	const bundle = await buildPage(opts.root);
	log(`built main.js (${(bundle.mainJs.length / 1e6).toFixed(1)} MB) and the host page`);
	const vault = sampleVault(opts.root);
	const html = [
		'<!doctype html><html><head><meta charset="utf-8"><title>Semantic Note Search e2e</title>',
		'<link rel="stylesheet" href="/obsidian-theme.css"><link rel="stylesheet" href="/styles.css">',
		'</head><body class="theme-dark"><script src="/page.js"></script></body></html>',
	].join('');
	const server = await serve({
		'/': { body: html, type: 'text/html; charset=utf-8' },
		'/page.js': { body: bundle.page },
		'/main.js': { body: bundle.mainJs },
		'/styles.css': { body: readFileSync(join(opts.root, 'styles.css')) },
		'/obsidian-theme.css': { body: readFileSync(join(opts.root, 'scripts/browser/obsidian-theme.css')) },
		'/vault.json': { body: JSON.stringify(vault) },
		'/config.json': { body: JSON.stringify({ dtype: opts.dtype, banner: opts.banner }) },
		// Chromium asks for one on its own; answering keeps a stray 404 out of the page errors.
		'/favicon.ico': { body: new Uint8Array(0), type: 'image/x-icon' },
		'/model/': { dir: opts.modelDir },
	});
	const browser = await launch();
	try {
		const page = await browser.context.newPage();
		await page.setViewportSize({ width: 1280, height: 800 });
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
			// The plugin asks its model folder for optional files (404 = absent), as it does on disk.
			if (res.status() >= 400 && !(res.status() === 404 && res.url().startsWith(`${server.origin}/model/`))) consoleErrors.push(`HTTP ${res.status()} for ${res.url()}`);
		});
		page.on('pageerror', (err) => consoleErrors.push(String(err)));
		page.setDefaultTimeout(240_000);

		await page.goto(`${server.origin}/`);
		const first = await startPlugin(page);
		log(`first start: ${first.status['Last run']}`);
		const firstSearch = await search(page, QUERY);
		await page.keyboard.press('Escape');
		const allLongTasks = await page.evaluate(() => window.host.longTasks());
		const mainThreadWasm = await page.evaluate(() => window.host.mainThreadWasm());
		const wasmCounterWorks = await page.evaluate(() => window.host.probeWasmCounter());
		// After collecting the run's tasks: the probe's own long task must not count against indexing.
		const observerWorks = await page.evaluate(() => window.host.probeLongTask(150));

		await page.reload();
		const second = await startPlugin(page);
		log(`reload: ${second.status['Last run']}`);
		await page.evaluate((p) => window.host.openNote(p), RELATED_TO);
		await page.evaluate(() => window.host.command('open-related-notes'));
		await page.waitForSelector('.mod-right-split .sns-related-row, .mod-right-split .sns-empty');
		const related = await readRows(page, '.mod-right-split .sns-related-row');
		const relatedEmpty = (await page.$eval('.mod-right-split .sns-related', (el) => el.querySelector('.sns-empty')?.textContent)) ?? undefined;
		const underNoteRun = await underNote(page);
		log(`under the note: ${underNoteRun.live.map((r) => r.title).join(', ') || underNoteRun.liveEmpty}`);
		// Hovering a row under the note (when it has rows) and a search result asks Obsidian for a page preview.
		if (underNoteRun.live.length > 0) await page.hover(`${LIVE_SECTION} .sns-related-row`);
		const secondSearch = await search(page, QUERY);
		await page.hover('.prompt-results .suggestion-item');
		const hoverLinks = await page.evaluate(() => window.host.hoverLinks());
		const hoverSources = await page.evaluate(() => window.host.hoverSources());

		const styled = await page.evaluate(() => {
			const band = document.querySelector('.sns-band');
			// styles.css gives the band label a background; without the stylesheet it is transparent.
			return band !== null && getComputedStyle(band).backgroundColor !== 'rgba(0, 0, 0, 0)';
		});
		mkdirSync(opts.outDir, { recursive: true });
		const screenshot = join(opts.outDir, opts.screenshotName);
		await page.screenshot({ path: screenshot });
		log(`screenshot: ${screenshot}`);
		await page.keyboard.press('Escape');

		// The filtered search, over the note scrolled to its end so the section under it shows too.
		await page.$eval(SCROLLER, (el) => {
			el.scrollTop = el.scrollHeight;
		});
		const filtered = await search(page, FILTERED_QUERY);
		log(`filtered search "${FILTERED_QUERY}": ${filtered.rows.map((r) => r.title).join(', ')}`);
		const filteredScreenshot = join(opts.outDir, opts.screenshotName.replace(/\.png$/, '-filtered.png'));
		await page.screenshot({ path: filteredScreenshot });
		await page.keyboard.press('Escape');

		await page.evaluate(() => window.host.command('reindex-vault'));
		await page.click('.modal button.mod-warning');
		const before = (await page.evaluate(() => window.host.notices())).length;
		await page.waitForFunction((n) => window.host.notices().slice(n).some((m) => m.startsWith('Semantic index ready')), before);
		const reindex = await indexStatus(page);
		log(`reindex: ${reindex['Last run']}`);

		await page.evaluate(() => window.host.unload());
		// The worker is terminated as the runtime's disposal settles.
		await page.waitForFunction(() => window.host.workers().started === window.host.workers().terminated, undefined, { timeout: 10_000 }).catch(() => undefined);
		const afterUnload = await page.evaluate(() => {
			const w = window.host.workers();
			return {
				commands: window.host.commands().length,
				statusBarItems: document.querySelectorAll('.status-bar-item').length,
				relatedViews: document.querySelectorAll('[data-type="semantic-related-notes"]').length,
				underNoteSections: document.querySelectorAll('.sns-under-note').length,
				workersRunning: w.started - w.terminated,
			};
		});
		const notices = await page.evaluate(() => window.host.notices());

		return {
			notes: vault.length,
			first,
			second,
			firstSearch: firstSearch.rows,
			firstSearchWords: firstSearch.words,
			secondSearch: secondSearch.rows,
			related,
			relatedEmpty,
			underNote: underNoteRun,
			hoverLinks,
			hoverSources,
			filteredSearch: filtered.rows,
			filterAllows: filterAllows(vault),
			filteredScreenshot,
			reindex,
			notices,
			indexingLongTasks: overlapping(allLongTasks, first.indexing),
			modelLoadLongTasks: overlapping(allLongTasks, first.modelLoad),
			allLongTasks,
			observerWorks,
			mainThreadWasm,
			wasmCounterWorks,
			afterUnload,
			screenshot,
			styled,
			foreignRequests,
			consoleErrors,
			mainJsBytes: bundle.mainJs.length,
			searchMs: secondSearch.ms,
			seconds: (performance.now() - started) / 1000,
		};
	} finally {
		await browser.close();
		await server.close();
	}
}
