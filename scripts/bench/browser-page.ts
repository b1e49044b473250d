/**
 * The benchmark's page in headless Chromium. It starts embedding workers exactly as the plugin
 * does (worker-engine.ts: model bytes read on the main thread, the inlined worker bundle started
 * from a Blob URL, WorkerClient over postMessage), and exposes to the driver (browser-session.ts):
 * - `start(n, dtype)`: n workers holding the model;
 * - `runBatches`: the same batches, shared out to whichever worker is free (throughput);
 * - `indexWhileSearching`: the first index of a vault through the real IndexSession on worker 1,
 *   with searches issued one after another while it runs (their latency).
 */
import type { Dtype } from '../../src/core/embedding/types';
import { modelFilesFrom } from '../../src/core/embedding/model-files';
import type { NoteSource } from '../../src/core/index/types';
import { openSession } from '../../src/core/session/index-session';
import type { EngineHandle } from '../../src/core/session/engine-handle';
import { MemoryVectorStore } from '../../src/core/store/memory-store';
import { loadWorkerEngine } from '../../src/obsidian/runtime/worker-engine';

/** The model folder, served by the driver. Read afresh per worker: each transfer detaches its bytes. */
const model = modelFilesFrom('the benchmark server /model/', async (path) => {
	const res = await fetch(`/model/${path}`);
	return res.ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
});

let engines: EngineHandle[] = [];

/** Starts `n` workers one after another; seconds to load each. */
async function start(n: number, dtype: Dtype): Promise<number[]> {
	const seconds: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = performance.now();
		engines.push(await loadWorkerEngine(model, dtype));
		seconds.push((performance.now() - t0) / 1000);
	}
	return seconds;
}

async function stop(): Promise<void> {
	await Promise.all(engines.map((e) => e.dispose()));
	engines = [];
}

export interface BatchRun {
	seconds: number;
	/** Batches each worker ran. */
	perWorker: number[];
}

/**
 * Embeds every batch (each one `embed` request, so the engine runs it as one model call) on the
 * started workers: each takes the next batch as soon as it is free, as a pool would. A first small
 * call per worker is not timed (first-run allocations are not throughput).
 */
async function runBatches(batches: string[][]): Promise<BatchRun> {
	await Promise.all(engines.map((e) => e.embedder.embed(batches[0].slice(0, 2))));
	let next = 0;
	const perWorker = engines.map(() => 0);
	const t0 = performance.now();
	await Promise.all(
		engines.map(async (e, w) => {
			while (next < batches.length) {
				const batch = batches[next++];
				const vectors = await e.embedder.embed(batch);
				if (vectors.length !== batch.length) throw new Error(`worker ${w + 1} returned ${vectors.length} vectors for ${batch.length} texts`);
				perWorker[w]++;
			}
		}),
	);
	return { seconds: (performance.now() - t0) / 1000, perWorker };
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
 * The first index of `notes` through the real IndexSession (Indexer → worker windows → store →
 * SearchIndex) on the first worker, while searches run one after another with `gapMs` between
 * them, like a user typing queries; each is timed from the call to its results. Searches start
 * once the first window is searchable: before that a search answers "nothing indexed yet"
 * without embedding, which would flatter the figure.
 */
async function indexWhileSearching(notes: { path: string; markdown: string }[], queries: string[], gapMs: number): Promise<IndexWhileSearching> {
	const byPath = new Map(notes.map((n) => [n.path, n.markdown]));
	const source: NoteSource = {
		list: () => Promise.resolve(notes.map((n, i) => ({ path: n.path, mtime: 1_700_000_000_000 + i, size: n.markdown.length }))),
		read: (path) => Promise.resolve(byPath.get(path) ?? ''),
	};
	const session = await openSession({ engine: engines[0], store: new MemoryVectorStore(), source });
	const t0 = performance.now();
	let done = false;
	const sync = session.sync().finally(() => (done = true));
	while (!done && session.searchIndex.passageCount === 0) await sleep(20);
	const searchesFrom = (performance.now() - t0) / 1000;
	const searchMs: number[] = [];
	for (let i = 0; !done; i++) {
		const t = performance.now();
		const answer = await session.search(queries[i % queries.length], { limit: 20 });
		if (done) break; // answered after the index finished: not a search while indexing
		if (answer.reason === 'no-vector') throw new Error(`search "${queries[i % queries.length]}" got no query vector`);
		searchMs.push(performance.now() - t);
		await sleep(gapMs);
	}
	const report = await sync;
	return { seconds: (performance.now() - t0) / 1000, embedded: report.embedded, failed: report.failed.length, searchMs, searchesFrom };
}

const bench = { start, stop, runBatches, indexWhileSearching };
export type BenchPage = typeof bench;

declare global {
	interface Window {
		bench: BenchPage;
	}
}
window.bench = bench;
