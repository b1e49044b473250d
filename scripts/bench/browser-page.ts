/**
 * The benchmark's page in headless Chromium. It loads the model the way the plugin does
 * (worker-engine.ts: bytes read on the main thread and transferred, the inlined worker bundle
 * started from a Blob URL, a WorkerPool of WorkerClients), and exposes to the driver
 * (browser-session.ts):
 * - `start(n, dtype)`: the pool, allowed `n` workers while indexing;
 * - `warmUp`, then `index`: a first index of a vault through the real IndexSession (throughput);
 * - `indexWhileSearching`: the same, with searches issued one after another while it runs.
 */
import type { Dtype } from '../../src/core/embedding/types';
import { modelFilesFrom } from '../../src/core/embedding/model-files';
import type { IndexReport } from '../../src/core/index/types';
import { openSession } from '../../src/core/session/index-session';
import type { EngineHandle } from '../../src/core/session/engine-handle';
import { MemoryVectorStore } from '../../src/core/store/memory-store';
import { loadWorkerEngine } from '../../src/obsidian/runtime/worker-engine';
import { memoryVault } from './memory-vault';

type Note = { path: string; markdown: string };

/** The model folder, served by the driver. Read afresh per worker: each transfer detaches its bytes. */
const model = modelFilesFrom('the benchmark server /model/', async (path) => {
	const res = await fetch(`/model/${path}`);
	return res.ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
});

/** Workers the page has started: the pool grows only while indexing, so this shows it did. */
let workersStarted = 0;
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
	constructor(url: string | URL, options?: WorkerOptions) {
		super(url, options);
		workersStarted++;
	}
};

let engine: EngineHandle | undefined;

function current(): EngineHandle {
	if (!engine) throw new Error('bench.start() first');
	return engine;
}

/** The pool with its first worker and the model loaded in it; seconds that took. */
async function start(workers: number, dtype: Dtype): Promise<number> {
	const t0 = performance.now();
	engine = await loadWorkerEngine(model, dtype, () => workers);
	return (performance.now() - t0) / 1000;
}

async function stop(): Promise<void> {
	await engine?.dispose();
	engine = undefined;
}

/** A first index of `notes` in a fresh in-memory store, as the plugin's session runs it. */
async function firstIndex(notes: readonly Note[]): Promise<IndexReport> {
	const session = await openSession({ engine: current(), store: new MemoryVectorStore(), source: memoryVault(notes) });
	return session.sync();
}

export interface IndexRun {
	seconds: number;
	embedded: number;
	failed: number;
	/** Workers the page started so far. */
	workersStarted: number;
}

/**
 * Starts the pool's extra workers and runs each worker's first, slow call: a first index of
 * `workers` windows of tiny notes (the pool grows only when a window finds every worker busy).
 * The timed index must follow at once, before the pool's idle timer (2 s) shrinks it again.
 */
async function warmUp(workers: number): Promise<number> {
	// The indexer starts a window every 64 notes.
	await firstIndex(Array.from({ length: 64 * workers }, (_, i) => ({ path: `warm-up/${i}.md`, markdown: `Warm-up note number ${i}.` })));
	return workersStarted;
}

/** Indexes `notes` and times it. */
async function index(notes: readonly Note[]): Promise<IndexRun> {
	const t0 = performance.now();
	const report = await firstIndex(notes);
	return { seconds: (performance.now() - t0) / 1000, embedded: report.embedded, failed: report.failed.length, workersStarted };
}

export interface IndexWhileSearching {
	seconds: number;
	embedded: number;
	failed: number;
	/** Each search's time from the call to its results, ms, in the order issued. */
	searchMs: number[];
	/** Seconds into the run when the first window was searchable and the searches began. */
	searchesFrom: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A first index of `notes` through the real IndexSession while searches run one after another
 * with `gapMs` between them, like a user typing queries; each is timed from the call to its
 * results. Searches start once the first window is searchable: before that a search answers
 * "nothing indexed yet" without embedding, which would flatter the figure.
 */
async function indexWhileSearching(notes: readonly Note[], queries: readonly string[], gapMs: number): Promise<IndexWhileSearching> {
	const session = await openSession({ engine: current(), store: new MemoryVectorStore(), source: memoryVault(notes) });
	const t0 = performance.now();
	let done = false;
	const sync = session.sync().finally(() => (done = true));
	while (!done && session.searchIndex.passageCount === 0) await sleep(20);
	const searchesFrom = (performance.now() - t0) / 1000;
	const searchMs: number[] = [];
	for (let i = 0; !done; i++) {
		const query = queries[i % queries.length];
		const t = performance.now();
		const answer = await session.search(query, { limit: 20 });
		if (done) break; // answered after the index finished: not a search while indexing
		if (answer.reason === 'no-vector') throw new Error(`search "${query}" got no query vector`);
		searchMs.push(performance.now() - t);
		await sleep(gapMs);
	}
	const report = await sync;
	return { seconds: (performance.now() - t0) / 1000, embedded: report.embedded, failed: report.failed.length, searchMs, searchesFrom };
}

const bench = { start, stop, warmUp, index, indexWhileSearching };
export type BenchPage = typeof bench;

declare global {
	interface Window {
		bench: BenchPage;
	}
}
window.bench = bench;
