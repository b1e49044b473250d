/**
 * Browser harness: the plugin's index-and-search path on a real page, without Obsidian.
 * Same pieces as the plugin's VaultRuntime — loadWorkerEngine (Blob worker from the inlined
 * bundle, WASM inlined, model bytes transferred), the IndexedDB store, the Indexer, the in-memory
 * SearchIndex fed by the indexer's record events — and the plugin's own result renderer.
 * The vault is an in-memory list served by the driver; everything comes from 127.0.0.1.
 * The driver (e2e.ts) calls `window.harness.*` through Playwright.
 */
import { modelFilesFrom } from '../../src/core/embedding/model-files';
import { IdbVectorStore, vaultDatabaseName } from '../../src/core/store/idb-store';
import { Indexer } from '../../src/core/index/indexer';
import { expectedMeta } from '../../src/core/store/model-key';
import type { IndexReport, NoteSource, RecordsChange } from '../../src/core/index/types';
import { DEFAULT_CALIBRATION } from '../../src/core/search/calibration';
import { explainEmpty } from '../../src/core/search/explain';
import type { SearchOptions } from '../../src/core/search/options';
import { relatedNotes, searchText, type SearchOutcome } from '../../src/core/search/query';
import { SearchIndex } from '../../src/core/search/search-index';
import { renderResult } from '../../src/obsidian/ui/result-row';
import type { EngineHandle } from '../../src/core/session/engine-handle';
import { loadWorkerEngine } from '../../src/obsidian/runtime/worker-engine';
import { installObsidianDom } from './obsidian-dom';
import { renderScene, type SceneInfo } from './scene';

/** Long tasks (> 50 ms on the main thread) since the page started, from the browser itself. */
const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
	for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

installObsidianDom();

interface VaultNote {
	path: string;
	markdown: string;
	mtime: number;
}

export interface RunInfo {
	report: IndexReport;
	/** Records already in IndexedDB when the page started. */
	storedAtStart: number;
	passages: number;
	/** Page-clock windows (ms) for attributing long tasks. */
	modelLoad: { start: number; end: number };
	indexing: { start: number; end: number };
	modelKey: string;
}

let engine: EngineHandle | undefined;
let index: SearchIndex | undefined;
let notes: VaultNote[] = [];
const options: SearchOptions = { limit: 8, calibration: DEFAULT_CALIBRATION };

async function fetchBytes(path: string): Promise<Uint8Array | undefined> {
	const res = await fetch(path);
	if (res.status === 404) return undefined;
	if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
	return new Uint8Array(await res.arrayBuffer());
}

function applyRecords(target: SearchIndex, change: RecordsChange): void {
	if (change.reset) target.clear();
	for (const path of change.removed) target.remove(path);
	for (const [from, to] of change.renamed) target.rename(from, to);
	for (const record of change.upserted) target.upsert(record);
}

/** Loads the model in the worker, the stored vectors, then syncs the vault like the plugin's start-up. */
async function run(): Promise<RunInfo> {
	notes = (await (await fetch('/vault.json')).json()) as VaultNote[];
	const modelStart = performance.now();
	engine = await loadWorkerEngine(modelFilesFrom('the test server', (rel) => fetchBytes(`/model/${rel}`)), 'fp32');
	const modelEnd = performance.now();
	const { embedder } = engine;

	const store = new IdbVectorStore(vaultDatabaseName('e2e-vault'));
	const meta = await store.getMeta();
	const stored = meta?.modelKey === expectedMeta(embedder.modelKey).modelKey ? await store.all() : [];
	const searchIndex = SearchIndex.fromRecords(embedder.dim, stored);
	index = searchIndex;

	const byPath = new Map(notes.map((n) => [n.path, n]));
	const source: NoteSource = {
		list: () => Promise.resolve(notes.map((n) => ({ path: n.path, mtime: n.mtime, size: new TextEncoder().encode(n.markdown).length }))),
		read: (path) => {
			const note = byPath.get(path);
			return note ? Promise.resolve(note.markdown) : Promise.reject(new Error(`no note ${path}`));
		},
	};
	const indexer = new Indexer({ source, store, embedder, chunk: engine.chunk });
	indexer.on('records', (change) => applyRecords(searchIndex, change));
	const indexStart = performance.now();
	const report = await indexer.run();
	const indexEnd = performance.now();
	return {
		report,
		storedAtStart: stored.length,
		passages: searchIndex.passageCount,
		modelLoad: { start: modelStart, end: modelEnd },
		indexing: { start: indexStart, end: indexEnd },
		modelKey: embedder.modelKey,
	};
}

function ready(): { engine: EngineHandle; index: SearchIndex } {
	if (!engine || !index) throw new Error('harness.run() first');
	return { engine, index };
}

async function search(query: string): Promise<SearchOutcome> {
	const r = ready();
	return searchText(r.engine.embedder, r.index, query, options);
}

function related(path: string): SearchOutcome {
	return relatedNotes(ready().index, path, options);
}

/** Renders the search modal and the related view with the plugin's markup and styles.css. */
async function render(query: string, relatedPath: string, info: SceneInfo): Promise<void> {
	const found = await search(query);
	const near = related(relatedPath);
	renderScene(document.body, {
		query,
		relatedPath,
		search: found,
		related: near,
		info,
		renderResult,
		explain: (o) => explainEmpty(o.reason ?? 'below-threshold', { subject: query, threshold: DEFAULT_CALIBRATION.threshold }),
	});
	// Fonts and layout settle before the driver takes the screenshot.
	await document.fonts.ready;
}

/**
 * Proves the long-task instrument works in this browser: blocks the main thread for `ms` on
 * purpose (outside any measured window) and reports whether the observer saw it. Without this,
 * "no long task while indexing" could also mean "no observer".
 */
async function probeLongTask(ms: number): Promise<boolean> {
	// Inside a timer callback: code run by page.evaluate itself is not an event-loop task and is
	// never reported, while everything the plugin does (message and IndexedDB callbacks) is.
	const start = await new Promise<number>((resolve) =>
		window.setTimeout(() => {
			const t0 = performance.now();
			while (performance.now() - t0 < ms) {
				// busy on purpose
			}
			resolve(t0);
		}, 0),
	);
	// Entries are delivered after the task ends; give the observer time.
	await new Promise((resolve) => window.setTimeout(resolve, 300));
	return longTasks.some((t) => t.start + t.duration >= start + ms * 0.9 && t.duration >= ms * 0.9);
}

const harness = { run, search, related, render, probeLongTask, longTasks: () => longTasks.slice() };
export type Harness = typeof harness;

declare global {
	/** What the e2e driver calls through Playwright. */
	interface Window {
		harness: Harness;
	}
}
window.harness = harness;
