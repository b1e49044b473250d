import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmbeddingEngine } from '../../src/core/embedding/types';
import { Indexer } from '../../src/core/index/indexer';
import type { WindowControl } from '../../src/core/index/window-port';
import { IdbVectorStore } from '../../src/core/store/idb-store';
import { createWorkerHandler } from '../../src/worker/handler';
import { inProcessPort } from '../../src/worker/port';
import type { InitOptions } from '../../src/worker/protocol';
import { WorkerClient } from '../../src/worker/worker-client';
import { WorkerPool } from '../../src/worker/worker-pool';
import { FakeEmbedder } from '../helpers/fake-embedder';
import { bundleThreadWorker, startThreadWorker, type ThreadWorker } from '../helpers/thread-worker';
import { SteppedEmbedder } from '../helpers/stepped-embedder';
import { MemoryNoteSource } from '../helpers/vault-fixtures';

const init: InitOptions = { files: { 'config.json': new Uint8Array([1]) }, dtype: 'fp32' };
const control: WindowControl = { maxBatch: 1, between: () => Promise.resolve(true), watch: () => () => undefined };
const reference = new FakeEmbedder({ dim: 8 });

function vault(count: number): Record<string, string> {
	const notes: Record<string, string> = {};
	for (let i = 0; i < count; i++) notes[`N${i}.md`] = `Note number ${i} talks about topic ${i % 5}.`;
	return notes;
}

/** Thread workers started by a pool, in order; `gated(i)` says which block in every model call. */
function threadStarter(gated: (index: number) => boolean = () => false) {
	const threads: ThreadWorker[] = [];
	const start = async () => {
		const thread = await startThreadWorker(gated(threads.length));
		threads.push(thread);
		return WorkerClient.start(thread.port, init, { transfer: false });
	};
	return { threads, start };
}

let pools: WorkerPool[] = [];
async function pool(start: () => Promise<WorkerClient>, size: number): Promise<WorkerPool> {
	const p = await WorkerPool.start({ start, size: () => size, idleMs: 0 });
	pools.push(p);
	return p;
}

afterEach(() => {
	for (const p of pools) p.terminate();
	pools = [];
});

/** Indexes `notes` through the pool, counting how often each path is written. */
async function indexThrough(p: WorkerPool, notes: Record<string, string>, windowNotes: number) {
	const store = new IdbVectorStore(`semantic-note-search/pool-${Math.random()}`);
	const indexer = new Indexer({ source: new MemoryNoteSource(notes), store, embedder: p, windows: p.windows, parallelWindows: p.parallelWindows, windowNotes });
	const writes = new Map<string, number>();
	indexer.on('records', (c) => {
		for (const r of c.upserted) writes.set(r.path, (writes.get(r.path) ?? 0) + 1);
	});
	return { indexer, store, writes };
}

describe('WorkerPool with worker threads', () => {
	beforeAll(() => bundleThreadWorker(), 60_000);

	it('finishes the run with every note indexed exactly once when a worker is terminated in the middle of a batch', async () => {
		// The second thread blocks in its first model call; the others run freely.
		const { threads, start } = threadStarter((i) => i === 1);
		const p = await pool(start, 2);
		const notes = vault(12);
		const { indexer, store, writes } = await indexThrough(p, notes, 2);
		const run = indexer.run();
		while (threads.length < 2) await new Promise((r) => setTimeout(r, 5));
		await threads[1].batchStarted(1);
		expect(p.workerCount).toBe(2);
		await threads[1].worker.terminate();
		const report = await run;

		expect(report).toMatchObject({ notes: 12, failed: [] });
		expect([...writes.keys()].sort()).toEqual(Object.keys(notes).sort());
		expect([...writes.values()].every((n) => n === 1)).toBe(true);
		const saved = await store.all();
		expect(saved).toHaveLength(12);
		for (const record of saved) {
			expect(record.failure).toBeUndefined();
			// One passage per note: its title, a blank line, its text.
			expect(Array.from(record.vectors)).toEqual(Array.from(reference.vector(`${record.path.slice(0, -3)}\n\n${notes[record.path]}`)));
		}
	});

	it('retries a window once on another worker when its worker dies', async () => {
		const { threads, start } = threadStarter((i) => i === 0);
		const p = await pool(start, 1);
		const notes = [{ path: 'a.md', title: 'a', markdown: 'Alpha words here.' }];
		const window = p.windows(notes, control);
		await threads[0].batchStarted(1);
		await threads[0].worker.terminate();
		const outcome = await window;
		expect(outcome.notes).toMatchObject([{ ok: true, passages: [{ text: 'a\n\nAlpha words here.' }] }]);
		expect(Array.from(outcome.vectors)).toEqual(Array.from(reference.vector('a\n\nAlpha words here.')));
		expect(threads).toHaveLength(2);
		expect(p.workerCount).toBe(1);
	});

	it('marks the notes of a window failed, with the reason, when its retry dies too', async () => {
		const { threads, start } = threadStarter(() => true);
		const p = await pool(start, 1);
		const notes = [
			{ path: 'a.md', title: 'a', markdown: 'Alpha words here.' },
			{ path: 'b.md', title: 'b', markdown: 'Beta words here.' },
		];
		const window = p.windows(notes, control);
		await threads[0].batchStarted(1);
		await threads[0].worker.terminate();
		while (threads.length < 2) await new Promise((r) => setTimeout(r, 5));
		await threads[1].batchStarted(1);
		await threads[1].worker.terminate();
		const outcome = await window;
		expect(outcome.cancelled).toBe(false);
		expect(outcome.notes).toHaveLength(2);
		for (const note of outcome.notes) expect(note).toMatchObject({ ok: false, stage: 'embed', failure: /stopped twice.*exited/ });
		// The next window gets a fresh worker.
		const next = p.windows([{ path: 'c.md', title: 'c', markdown: 'Gamma.' }], control);
		while (threads.length < 3) await new Promise((r) => setTimeout(r, 5));
		threads[2].release(10);
		expect((await next).notes).toMatchObject([{ ok: true }]);
	});
});

/** In-process workers (the real handler) on SteppedEmbedders, so a test decides when each batch ends. */
function steppedStarter(log: string[]) {
	const engines: SteppedEmbedder[] = [];
	const start = () => {
		const engine = new SteppedEmbedder(log, `w${engines.length}`);
		engines.push(engine);
		const handler = createWorkerHandler({ createEngine: () => Promise.resolve(engine as EmbeddingEngine) });
		return WorkerClient.start(inProcessPort(handler), init, { transfer: false });
	};
	return { engines, start };
}

const three = ['x', 'y', 'z'].map((n) => ({ path: `${n}.md`, title: n, markdown: `Words of note ${n}.` }));

describe('WorkerPool: queries go ahead of indexing', () => {
	it('answers a query sent during a window before the window finishes (one worker)', async () => {
		const log: string[] = [];
		const { engines, start } = steppedStarter(log);
		const p = await pool(start, 1);
		let windowDone = false;
		const window = p.windows(three, control).then((o) => {
			windowDone = true;
			return o;
		});
		await engines[0].release();
		const vectors = await p.embed(['search words']);
		expect(windowDone).toBe(false);
		expect(Array.from(vectors[0])).toEqual(Array.from(reference.vector('search words')));
		await engines[0].release();
		await engines[0].release();
		expect(await window).toMatchObject({ cancelled: false, embedded: 3 });
		expect(log).toEqual(['w0: batch of 1', 'w0: query search words', 'w0: batch of 1', 'w0: batch of 1']);
	});

	it('answers a query between batches while every worker indexes a window (two workers)', async () => {
		const log: string[] = [];
		const { engines, start } = steppedStarter(log);
		const p = await pool(start, 2);
		const first = p.windows(three.slice(0, 2), control);
		const second = p.windows(three.slice(1), control);
		while (engines.length < 2) await new Promise((r) => setTimeout(r, 1));
		await engines[0].release();
		await engines[1].release();
		const query = p.embed(['while busy']);
		await expect(query).resolves.toHaveLength(1);
		expect(log.filter((l) => l.includes('query'))).toEqual(['w0: query while busy']);
		for (const e of engines) await e.release();
		await Promise.all([first, second]);
		expect(log.indexOf('w0: query while busy')).toBeLessThan(log.lastIndexOf('w0: batch of 1'));
	});

	it('sends a query to an idle worker rather than one in the middle of a window', async () => {
		const log: string[] = [];
		const { engines, start } = steppedStarter(log);
		const p = await pool(start, 2);
		const a = p.windows(three.slice(0, 1), control);
		const b = p.windows(three.slice(1, 2), control);
		while (engines.length < 2) await new Promise((r) => setTimeout(r, 1));
		await engines[1].release();
		await b;
		// w1 is idle now, w0 still holds its first batch.
		await p.embed(['quick']);
		expect(log).toContain('w1: query quick');
		await engines[0].release();
		await a;
	});
});

describe('WorkerPool: size', () => {
	it('grows only while windows run and shrinks to the one query worker after the run', async () => {
		const log: string[] = [];
		const { engines, start } = steppedStarter(log);
		const p = await pool(start, 3);
		await p.embed(['a query']);
		expect(p.workerCount).toBe(1);
		const windows = [p.windows(three.slice(0, 1), control), p.windows(three.slice(1, 2), control), p.windows(three.slice(2), control)];
		await expect.poll(() => p.workerCount).toBe(3);
		for (const e of engines) await e.release();
		await Promise.all(windows);
		await expect.poll(() => p.workerCount).toBe(1);
		await expect(p.embed(['after the run'])).resolves.toHaveLength(1);
		expect(log.at(-1)).toBe('w0: query after the run');
	});

	it('does not index with a worker that loaded other model files than the first', async () => {
		const keys = ['model-a', 'model-b'];
		let started = 0;
		const start = () => {
			const engine = new FakeEmbedder({ dim: 8, modelKey: keys[Math.min(started++, 1)] });
			return WorkerClient.start(inProcessPort(createWorkerHandler({ createEngine: () => Promise.resolve(engine as EmbeddingEngine) })), init, { transfer: false });
		};
		const p = await pool(start, 2);
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const outcomes = await Promise.all([p.windows(three.slice(0, 1), control), p.windows(three.slice(1), control)]);
		const messages = logged.mock.calls.map((call) => String(call[0]));
		logged.mockRestore();
		expect(outcomes.map((o) => o.notes.every((n) => n.ok))).toEqual([true, true]);
		expect(started).toBe(2);
		expect(p.workerCount).toBe(1);
		expect(messages).toEqual([expect.stringContaining('loaded model-b, not model-a')]);
	});

	it('with one thread, indexes a vault on a single worker, one window at a time', async () => {
		const { threads, start } = threadStarter();
		const p = await pool(start, 1);
		const notes = vault(7);
		const { indexer, store, writes } = await indexThrough(p, notes, 2);
		expect(await indexer.run()).toMatchObject({ notes: 7, failed: [] });
		expect(await store.all()).toHaveLength(7);
		expect([...writes.values()].every((n) => n === 1)).toBe(true);
		expect(threads).toHaveLength(1);
	});
});
