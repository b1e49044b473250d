import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { EmbeddingEngine } from '../../src/core/embedding/types';
import { IdbVectorStore } from '../../src/core/store/idb-store';
import { Indexer } from '../../src/core/index/indexer';
import { createWorkerHandler } from '../../src/worker/handler';
import { inProcessPort, type WorkerPort } from '../../src/worker/port';
import { type InitOptions, requestTransferables, transferablesOf, type WorkerResponse } from '../../src/worker/protocol';
import { WorkerClient, WorkerRequestError } from '../../src/worker/worker-client';
import { FakeEmbedder } from '../helpers/fake-embedder';
import { SteppedEmbedder } from '../helpers/stepped-embedder';
import { MemoryNoteSource } from '../helpers/vault-fixtures';

/** Fresh each time: a handler takes the model bytes of an init and releases them once loaded. */
const init = (): InitOptions => ({ files: { 'config.json': new Uint8Array([1, 2, 3]) }, dtype: 'fp32' });

function fakeHandler(engines: FakeEmbedder[] = [], fail?: string) {
	return createWorkerHandler({
		createEngine: (options) => {
			if (fail) return Promise.reject(new Error(fail));
			const e = new FakeEmbedder({ dim: 8, modelKey: `fake/${options.dtype}/${Object.keys(options.files).join(',')}` });
			engines.push(e);
			return Promise.resolve(e as EmbeddingEngine);
		},
	});
}

describe('worker handler', () => {
	it('initialises, chunks and embeds a window, embeds into one transferable buffer, and disposes', async () => {
		const engines: FakeEmbedder[] = [];
		const handle = fakeHandler(engines);
		expect(await handle({ id: 1, type: 'init', ...init() })).toEqual({ id: 1, ok: true, type: 'init', modelKey: 'fake/fp32/config.json', dim: 8, maxTokens: 256, compute: { device: 'wasm' } });
		const window = await handle({ id: 2, type: 'index-window', maxBatch: 32, notes: [{ path: 'a/Note.md', title: 'Note', markdown: '# H\n\nHello there.' }] });
		expect(window).toMatchObject({ id: 2, ok: true, type: 'index-window', cancelled: false, notes: [{ ok: true, offset: 0, passages: [{ text: 'Note\n\nH\nHello there.', heading: 'H' }] }] });
		if (!window.ok || window.type !== 'index-window') throw new Error('expected window response');
		expect(window.vectors).toEqual(engines[0].vector('Note\n\nH\nHello there.'));
		expect(transferablesOf(window)).toEqual([window.vectors.buffer]);
		const embedded = await handle({ id: 3, type: 'embed', texts: ['one', 'two'] });
		if (!embedded.ok || embedded.type !== 'embed') throw new Error('expected embed response');
		expect(embedded.count).toBe(2);
		expect(embedded.vectors).toHaveLength(16);
		expect(Array.from(embedded.vectors.subarray(8))).toEqual(Array.from(engines[0].vector('two')));
		expect(transferablesOf(embedded)).toEqual([embedded.vectors.buffer]);
		expect(await handle({ id: 4, type: 'dispose' })).toEqual({ id: 4, ok: true, type: 'dispose' });
		expect(engines[0].disposed).toBe(true);
	});

	it('answers every failure with an error message instead of throwing', async () => {
		const handle = fakeHandler();
		expect(await handle({ id: 1, type: 'embed', texts: ['x'] })).toMatchObject({ id: 1, ok: false, type: 'embed', error: { message: /not initialised/ } });
		expect(await handle('garbage')).toMatchObject({ id: -1, ok: false, type: 'unknown', error: { name: 'ProtocolError' } });
		expect(await handle({ id: 5, type: 'explode' })).toMatchObject({ id: 5, ok: false, type: 'unknown' });
		expect(await handle({ id: 6, type: 'embed', texts: [1, 2] })).toMatchObject({ id: 6, ok: false, error: { message: /texts/ } });
		await handle({ id: 7, type: 'init', ...init() });
		const bytes = new Uint8Array(3000).map((_, i) => (i * 7919 + 13) % 256);
		const binary = await handle({ id: 8, type: 'index-window', maxBatch: 32, notes: [{ path: 'b.md', title: 'b', markdown: new TextDecoder().decode(bytes) }] });
		expect(binary).toMatchObject({ id: 8, ok: true, notes: [{ ok: false, stage: 'chunk', failure: /not a text note/ }] });
		expect(await handle({ id: 10, type: 'index-window', maxBatch: 0, notes: [] })).toMatchObject({ ok: false, error: { name: 'ProtocolError' } });
		expect(await handle({ id: 11, type: 'cancel' })).toMatchObject({ ok: false, error: { message: /window/ } });
		const broken = fakeHandler([], 'model file missing');
		expect(await broken({ id: 9, type: 'init', ...init() })).toMatchObject({ ok: false, error: { message: 'model file missing' } });
	});

	it('lists only whole buffers of init files for transfer', () => {
		const whole = new Uint8Array(4);
		const part = new Uint8Array(new ArrayBuffer(16), 4, 4);
		expect(requestTransferables({ id: 1, type: 'init', dtype: 'q8', files: { a: whole, b: part, c: whole } })).toEqual([whole.buffer]);
	});

	it('frees the model bytes it was sent once the engine is created, or has failed to be', async () => {
		const seen: number[] = [];
		const handle = createWorkerHandler({
			createEngine: (options) => {
				seen.push(options.files['onnx/model.onnx'].byteLength);
				return Promise.resolve(new FakeEmbedder({ dim: 8 }) as EmbeddingEngine);
			},
		});
		const pooled = new ArrayBuffer(16);
		const files = { 'onnx/model.onnx': new Uint8Array([1, 2, 3]), 'config.json': new Uint8Array(pooled, 4, 2) };
		expect(await handle({ id: 1, type: 'init', files, dtype: 'fp32' })).toMatchObject({ ok: true });
		expect(seen).toEqual([3]);
		// Detached: the worker holds no copy beside the session's.
		expect(files['onnx/model.onnx'].byteLength).toBe(0);
		// Part of a larger buffer, so not the worker's alone: left as it was.
		expect(pooled.byteLength).toBe(16);
		const failed = { 'onnx/model.onnx': new Uint8Array([4, 5]) };
		expect(await fakeHandler([], 'bad weights')({ id: 2, type: 'init', files: failed, dtype: 'fp32' })).toMatchObject({ ok: false });
		expect(failed['onnx/model.onnx'].byteLength).toBe(0);
	});
});

describe('worker handler: windows', () => {
	const notes = ['x.md', 'y.md', 'z.md'].map((path) => ({ path, title: path.slice(0, 1), markdown: `Words of note ${path}.` }));

	async function stepped(progress: unknown[] = []) {
		const engine = new SteppedEmbedder();
		const handle = createWorkerHandler({ createEngine: () => Promise.resolve(engine), progress: (p) => progress.push(p) });
		await handle({ id: 1, type: 'init', ...init() });
		return { engine, handle };
	}

	it('tokenizes each passage once, plans the batches once and embeds them batch by batch, reporting each', async () => {
		const progress: unknown[] = [];
		const { engine, handle } = await stepped(progress);
		const window = handle({ id: 2, type: 'index-window', maxBatch: 2, notes });
		for (let i = 0; i < 2; i++) await engine.release();
		const r = await window;
		if (!r.ok || r.type !== 'index-window') throw new Error('expected window response');
		const texts = r.notes.flatMap((n) => (n.ok ? n.passages.map((p) => p.text) : []));
		expect(texts).toEqual(['x\n\nWords of note x.md.', 'y\n\nWords of note y.md.', 'z\n\nWords of note z.md.']);
		for (const t of texts) expect(engine.tokenizer.tokenized.filter((x) => x === t)).toHaveLength(1);
		// One plan for the window: two model calls of ≤ 2 rows, never the engine's own text path.
		expect(engine.log).toEqual(['batch of 2', 'batch of 1']);
		expect(progress).toEqual([
			{ id: 2, type: 'progress', embedded: 2, total: 3 },
			{ id: 2, type: 'progress', embedded: 3, total: 3 },
		]);
	});

	it('answers a query that arrives during a window before the window\'s next batch', async () => {
		const { engine, handle } = await stepped();
		const window = handle({ id: 2, type: 'index-window', maxBatch: 1, notes });
		await engine.release();
		const query = await handle({ id: 3, type: 'embed', texts: ['search words'] });
		expect(query).toMatchObject({ id: 3, ok: true, type: 'embed', count: 1 });
		expect(engine.log).toEqual(['batch of 1', 'query search words']);
		await engine.release();
		await engine.release();
		expect(await window).toMatchObject({ ok: true, cancelled: false, embedded: 3 });
		expect(engine.log).toEqual(['batch of 1', 'query search words', 'batch of 1', 'batch of 1']);
	});

	it('stops a window between batches on cancel, and holds it while paused', async () => {
		const { engine, handle } = await stepped();
		const window = handle({ id: 2, type: 'index-window', maxBatch: 1, notes });
		await engine.release();
		expect(await handle({ id: 3, type: 'pause', window: 2 })).toEqual({ id: 3, ok: true, type: 'pause' });
		await new Promise((r) => setTimeout(r, 20));
		expect(engine.log).toEqual(['batch of 1']);
		await handle({ id: 4, type: 'resume', window: 2 });
		await engine.release();
		await handle({ id: 5, type: 'cancel', window: 2 });
		expect(await window).toMatchObject({ id: 2, ok: true, type: 'index-window', cancelled: true, notes: [] });
		expect(engine.log).toEqual(['batch of 1', 'batch of 1']);
	});
});

describe('WorkerClient', () => {
	it('embeds and indexes windows through a port, in request order', async () => {
		const engines: FakeEmbedder[] = [];
		const client = await WorkerClient.start(inProcessPort(fakeHandler(engines)), init(), { transfer: false });
		expect(client.modelKey).toBe('fake/fp32/config.json');
		expect(client.dim).toBe(8);
		const [a, b] = await Promise.all([client.embed(['alpha beta']), client.embed(['gamma', 'delta'])]);
		expect(Array.from(a[0])).toEqual(Array.from(engines[0].vector('alpha beta')));
		expect(b).toHaveLength(2);
		expect(await client.embed([])).toEqual([]);
		const window = await client.windows([{ path: 'x.md', title: 'X', markdown: 'Some text.' }], { maxBatch: 32, between: () => Promise.resolve(true), watch: () => () => undefined });
		expect(window.notes).toMatchObject([{ ok: true, passages: [{ text: 'X\n\nSome text.' }] }]);
		expect(window.vectors).toEqual(engines[0].vector('X\n\nSome text.'));
		await client.dispose();
		expect(engines[0].disposed).toBe(true);
		await expect(client.embed(['after'])).rejects.toThrow(/stopped/);
	});

	it('re-throws worker errors with their name and rejects pending requests on terminate', async () => {
		const client = await WorkerClient.start(inProcessPort(fakeHandler()), init(), { transfer: false });
		const err = await client.windows([{ path: 'b.md', title: 'b', markdown: 'x' }], { maxBatch: 0, between: () => Promise.resolve(true), watch: () => () => undefined }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(WorkerRequestError);
		expect((err as Error).name).toBe('ProtocolError');
		client.terminate();
	});

	it('rejects pending requests when terminated (plugin unload)', async () => {
		let respond: ((r: unknown) => void) | undefined;
		let terminated = false;
		// Answers init, then never again: a worker stuck in a long inference.
		const port: WorkerPort = {
			post: (req) => {
				if (req.type === 'init') queueMicrotask(() => respond?.({ id: req.id, ok: true, type: 'init', modelKey: 'k', dim: 2, maxTokens: 256, compute: { device: 'wasm' } } satisfies WorkerResponse));
			},
			onResponse: (r) => (respond = r),
			onFatal: () => undefined,
			terminate: () => (terminated = true),
		};
		const client = await WorkerClient.start(port, init());
		const pending = client.embed(['stuck']);
		client.terminate();
		await expect(pending).rejects.toThrow(/stopped/);
		expect(terminated).toBe(true);
	});

	it('fails start when the model cannot load, and rejects everything after a fatal worker error', async () => {
		await expect(WorkerClient.start(inProcessPort(fakeHandler([], 'no weights')), init())).rejects.toThrow('no weights');
		let fatal: ((e: Error) => void) | undefined;
		let respond: ((r: unknown) => void) | undefined;
		const port: WorkerPort = {
			post: (req) => {
				if (req.type === 'init') queueMicrotask(() => respond?.({ id: req.id, ok: true, type: 'init', modelKey: 'k', dim: 2, maxTokens: 256, compute: { device: 'wasm' } } satisfies WorkerResponse));
			},
			onResponse: (r) => (respond = r),
			onFatal: (f) => (fatal = f),
			terminate: () => undefined,
		};
		const client = await WorkerClient.start(port, init());
		const pending = client.embed(['never answered']);
		fatal?.(new Error('worker script crashed'));
		await expect(pending).rejects.toThrow('worker script crashed');
		await expect(client.embed(['later'])).rejects.toThrow('worker script crashed');
	});

	it('drives the Indexer as its embedder and window indexer', async () => {
		const engines: FakeEmbedder[] = [];
		const client = await WorkerClient.start(inProcessPort(fakeHandler(engines)), init(), { transfer: false });
		const source = new MemoryNoteSource({ 'A.md': '# One\n\nFirst note.', 'B/C.md': 'Second note. With two sentences.' });
		const store = new IdbVectorStore(`semantic-note-search/worker-${Date.now()}`);
		const report = await new Indexer({ source, store, embedder: client, windows: client.windows }).run();
		expect(report).toMatchObject({ notes: 2, chunks: 2, embedded: 2, failed: [] });
		expect((await store.get('A.md'))?.vectors).toHaveLength(8);
		expect(engines[0].embeddedTexts.sort()).toEqual(['A\n\nOne\nFirst note.', 'C\n\nSecond note. With two sentences.']);
		client.terminate();
	});

	it('stops a run without marking notes failed when the worker is terminated mid-run', async () => {
		const client = await WorkerClient.start(inProcessPort(fakeHandler()), init(), { transfer: false });
		const notes: Record<string, string> = {};
		for (let i = 0; i < 10; i++) notes[`N${i}.md`] = `Note number ${i} has some words.`;
		const source = new MemoryNoteSource(notes);
		const store = new IdbVectorStore(`semantic-note-search/worker-stop-${Date.now()}`);
		const indexer = new Indexer({ source, store, embedder: client, windows: client.windows, windowNotes: 2 });
		indexer.on('records', (c) => {
			if (c.upserted.length > 0) client.terminate();
		});
		await expect(indexer.run()).rejects.toThrow(/stopped/);
		const saved = await store.all();
		expect(saved).toHaveLength(2);
		expect(saved.every((r) => r.failure === undefined)).toBe(true);
	});
});
