import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EmbedderUnavailableError } from '../../../src/core/index/errors';
import { Indexer } from '../../../src/core/index/indexer';
import { localWindows, type WindowIndexer } from '../../../src/core/index/window-port';
import { IdbVectorStore } from '../../../src/core/store/idb-store';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { MemoryNoteSource, syntheticVault } from '../../helpers/vault-fixtures';

/** Runs windows in-process, each held until the test releases it, and counts how many overlap. */
function heldWindows(embedder: FakeEmbedder) {
	const run = localWindows(embedder);
	const held: (() => void)[] = [];
	let running = 0;
	const seen = { most: 0, windows: 0 };
	const windows: WindowIndexer = async (notes, control) => {
		running++;
		seen.windows++;
		seen.most = Math.max(seen.most, running);
		await new Promise<void>((resolve) => held.push(resolve));
		try {
			return await run(notes, control);
		} finally {
			running--;
		}
	};
	/** Lets the held windows go in groups of `limit`, each once all of its windows are in flight. */
	const releaseAll = async (limit: number, total: number) => {
		for (let released = 0; released < total; ) {
			const group = Math.min(limit, total - released);
			while (held.length < group) await new Promise((r) => setTimeout(r, 1));
			released += group;
			held.splice(0).forEach((r) => r());
		}
	};
	return { windows, seen, releaseAll };
}

async function runWith(parallel: (() => number) | undefined, notes = syntheticVault(12, 5)) {
	const embedder = new FakeEmbedder({ dim: 8 });
	const held = heldWindows(embedder);
	const store = new IdbVectorStore(`semantic-note-search/parallel-${Math.random()}`);
	const indexer = new Indexer({ source: new MemoryNoteSource(notes), store, embedder, windows: held.windows, windowNotes: 2, parallelWindows: parallel });
	const report = indexer.run();
	// 12 notes, 2 per window.
	await held.releaseAll(parallel?.() ?? 1, 6);
	return { report: await report, seen: held.seen, store, notes };
}

describe('Indexer with parallel windows', () => {
	it('keeps one window in flight by default, as many as parallelWindows() allows otherwise', async () => {
		const one = await runWith(undefined);
		expect(one.seen).toEqual({ most: 1, windows: 6 });
		const three = await runWith(() => 3);
		expect(three.seen).toEqual({ most: 3, windows: 6 });
		expect(three.report).toMatchObject({ notes: 12, failed: [] });
		expect((await three.store.all()).map((r) => r.path).sort()).toEqual(Object.keys(three.notes).sort());
	});

	it('commits the windows still in flight when another finds the embedder gone, then stops the run', async () => {
		const embedder = new FakeEmbedder({ dim: 8 });
		const run = localWindows(embedder);
		let second: (() => void) | undefined;
		let calls = 0;
		const windows: WindowIndexer = async (notes, control) => {
			const call = ++calls;
			if (call === 1) {
				// Finishes only after the second window has failed.
				await new Promise<void>((resolve) => (second = resolve));
				return run(notes, control);
			}
			second?.();
			throw new EmbedderUnavailableError('worker gone');
		};
		const notes = syntheticVault(8, 7);
		const store = new IdbVectorStore(`semantic-note-search/parallel-gone-${Math.random()}`);
		const indexer = new Indexer({ source: new MemoryNoteSource(notes), store, embedder, windows, windowNotes: 2, parallelWindows: () => 2 });
		await expect(indexer.run()).rejects.toThrow('worker gone');
		// The first window's two notes are stored; nothing was marked failed; no third window started.
		const saved = await store.all();
		expect(saved).toHaveLength(2);
		expect(saved.every((r) => r.failure === undefined)).toBe(true);
		expect(calls).toBe(2);
	});

	it('cuts its default windows 2N times smaller with N in flight, so every worker has work until the end', async () => {
		const embedder = new FakeEmbedder({ dim: 8 });
		const run = localWindows(embedder);
		const sizes: number[] = [];
		const windows: WindowIndexer = (notes, control) => {
			sizes.push(notes.length);
			return run(notes, control);
		};
		// 40 short notes: one window of 64 notes by default; with 2 in flight, windows of 64 / 4 = 16.
		const notes = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`Short ${i}.md`, `A short note, number ${i}.`]));
		const one = new Indexer({ source: new MemoryNoteSource(notes), store: new IdbVectorStore(`semantic-note-search/cut-1-${Math.random()}`), embedder, windows });
		await one.run();
		expect(sizes).toEqual([40]);
		sizes.length = 0;
		const two = new Indexer({ source: new MemoryNoteSource(notes), store: new IdbVectorStore(`semantic-note-search/cut-2-${Math.random()}`), embedder, windows, parallelWindows: () => 2 });
		expect(await two.run()).toMatchObject({ notes: 40, failed: [] });
		expect(sizes).toEqual([16, 16, 8]);
	});
});
