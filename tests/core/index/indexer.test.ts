import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { localWindows } from '../../../src/core/index/window-port';
import { createExclusions, defaultExclusionPatterns } from '../../../src/core/index/exclusions';
import { IdbVectorStore } from '../../../src/core/store/idb-store';
import { Indexer, type IndexerOptions } from '../../../src/core/index/indexer';
import { MAX_PASSAGES_PER_NOTE } from '../../../src/core/index/passage-cap';
import type { IndexProgress } from '../../../src/core/index/types';
import type { RebuildNotice, RecordsChange } from '../../../src/core/index/types';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { FlakyEmbedder, ManualClock, MemoryNoteSource, syntheticVault } from '../../helpers/vault-fixtures';

let dbCounter = 0;
const newStore = (): IdbVectorStore => new IdbVectorStore(`semantic-note-search/test-${Date.now()}-${dbCounter++}`);

function setup(notes: Record<string, string>, overrides: Partial<IndexerOptions> = {}) {
	const source = new MemoryNoteSource(notes);
	const embedder = new FakeEmbedder({ dim: 16 });
	const store = newStore();
	const clock = new ManualClock();
	const make = (opts: Partial<IndexerOptions> = {}) => {
		const e = (opts.embedder ?? overrides.embedder ?? embedder) as FakeEmbedder;
		return new Indexer({ source, store, embedder: e, windows: localWindows(e), clock, debounceMs: 1000, ...overrides, ...opts });
	};
	return { source, embedder, store, clock, make, indexer: make() };
}

/** Runs `act` once, as soon as the indexer has committed its first notes: "while indexing runs". */
function onFirstCommit(indexer: Indexer, act: () => void): void {
	let done = false;
	indexer.on('records', (c) => {
		if (!done && c.upserted.length > 0) {
			done = true;
			act();
		}
	});
}

/** About 5 MB of ordinary prose: thousands of passages once chunked. */
function fiveMegabyteNote(): string {
	const para = 'The archive keeps every letter the society received since its founding. Volunteers sort them by year and sender, then scan the fragile ones first.\n\n';
	return `# Archive\n\n${para.repeat(Math.ceil(5_000_000 / para.length))}`;
}

const notes = {
	'Garden.md': '# Plants\n\nTomatoes need sun. Basil likes warmth.\n\n# Soil\n\nCompost feeds the soil.',
	'Boats/Sailing.md': 'The harbour was calm. We raised the sail at dawn.',
	'Boats/Engines.md': 'Pistons and torque.\n\n## Maintenance\n\nChange the oil every season.',
	'Empty.md': '',
};

describe('Indexer', () => {
	it('indexes a vault, then a second run embeds nothing', async () => {
		const { indexer, embedder, store, make } = setup(notes);
		const first = await indexer.run();
		expect(first.notes).toBe(4);
		expect(first.embedded).toBe(embedder.embeddedTexts.length);
		expect(first.embedded).toBe(first.chunks);
		expect(first.chunks).toBe(5);
		expect(first.failed).toEqual([]);
		const garden = await store.get('Garden.md');
		expect(garden?.passages.map((p) => p.heading)).toEqual(['Plants', 'Soil']);
		expect(garden?.vectors.length).toBe(2 * 16);
		expect(embedder.embeddedTexts.some((t) => t.includes('Boats'))).toBe(false);

		embedder.embeddedTexts = [];
		const second = await make().run();
		expect(second.embedded).toBe(0);
		expect(second.reused).toBe(4);
		expect(second.chunks).toBe(5);
		expect(embedder.embeddedTexts).toEqual([]);
	});

	it('reuses records the caller already loaded instead of reading the store twice', async () => {
		const { make, store, embedder } = setup(notes);
		await make().run();
		const loaded = await store.all();
		let reads = 0;
		const all = store.all.bind(store);
		store.all = () => {
			reads++;
			return all();
		};
		embedder.embeddedTexts = [];
		const report = await make({ opened: { records: loaded } }).run();
		expect(reads).toBe(0);
		expect(report).toMatchObject({ embedded: 0, reused: 4, chunks: 5 });
	});

	it('re-embeds only the passages of a modified note', async () => {
		const { indexer, embedder, source } = setup(notes);
		await indexer.run();
		embedder.embeddedTexts = [];
		source.write('Boats/Sailing.md', 'The harbour was stormy. We stayed ashore.');
		const report = await indexer.run();
		expect(report.embedded).toBe(1);
		expect(embedder.embeddedTexts).toEqual(['Sailing\n\nThe harbour was stormy. We stayed ashore.']);
		expect(report.reused).toBe(3);
	});

	it('costs no embedding when only the mtime changed', async () => {
		const { indexer, embedder, source, store } = setup(notes);
		await indexer.run();
		embedder.embeddedTexts = [];
		const touched = source.touch('Garden.md');
		const report = await indexer.run();
		expect(report.embedded).toBe(0);
		expect(embedder.embeddedTexts).toEqual([]);
		expect((await store.get('Garden.md'))?.mtime).toBe(touched.mtime);
	});

	it('moves the record on a rename, at startup and via the rename event, embedding nothing', async () => {
		const { indexer, embedder, source, store } = setup(notes);
		await indexer.run();
		embedder.embeddedTexts = [];
		const before = await store.get('Garden.md');
		source.rename('Garden.md', 'Archive/Garden.md');
		const report = await indexer.run();
		expect(report.renamed).toBe(1);
		expect(report.removed).toBe(0);
		expect(report.embedded).toBe(0);
		expect(await store.get('Garden.md')).toBeUndefined();
		expect((await store.get('Archive/Garden.md'))?.vectors).toEqual(before?.vectors);

		const changes: RecordsChange[] = [];
		indexer.on('records', (c) => changes.push(c));
		const file = source.rename('Archive/Garden.md', 'Garden 2.md');
		await indexer.noteRenamed('Archive/Garden.md', file);
		await indexer.flush();
		expect(embedder.embeddedTexts).toEqual([]);
		expect(await store.get('Garden 2.md')).toBeDefined();
		expect(changes).toEqual([{ upserted: [], removed: [], renamed: [['Archive/Garden.md', 'Garden 2.md']], reset: false }]);
	});

	it('removes the record of a deleted note, at startup and via the delete event', async () => {
		const { indexer, source, store } = setup(notes);
		await indexer.run();
		source.delete('Garden.md');
		const report = await indexer.run();
		expect(report.removed).toBe(1);
		expect(await store.get('Garden.md')).toBeUndefined();
		source.delete('Boats/Sailing.md');
		await indexer.noteDeleted('Boats/Sailing.md');
		expect(await store.get('Boats/Sailing.md')).toBeUndefined();
		expect((await indexer.status()).notes).toBe(2);
	});

	it('debounces edits and indexes them once quiet', async () => {
		const { indexer, embedder, source, clock } = setup(notes);
		await indexer.run();
		embedder.embeddedTexts = [];
		for (let i = 0; i < 5; i++) {
			indexer.noteChanged(source.write('Garden.md', `Version ${i} of the garden.`));
			clock.advance(500);
		}
		await indexer.idle();
		expect(embedder.embeddedTexts).toEqual([]);
		expect((await indexer.status()).pending).toBe(1);
		clock.advance(1000);
		await indexer.idle();
		expect(embedder.embeddedTexts).toEqual(['Garden\n\nVersion 4 of the garden.']);
	});

	it('carries a pending edit over a rename', async () => {
		const { indexer, source, embedder, clock, store } = setup(notes);
		await indexer.run();
		embedder.embeddedTexts = [];
		indexer.noteChanged(source.write('Garden.md', 'Edited just before the move.'));
		const moved = source.rename('Garden.md', 'Yard.md');
		await indexer.noteRenamed('Garden.md', moved);
		clock.advance(1000);
		await indexer.idle();
		expect(embedder.embeddedTexts).toEqual(['Yard\n\nEdited just before the move.']);
		expect(await store.get('Garden.md')).toBeUndefined();
		expect((await store.get('Yard.md'))?.passages[0].snippet).toBe('Edited just before the move.');
	});

	it('resumes after a cancelled run without redoing finished notes', async () => {
		const vault = syntheticVault(40, 7);
		const { make, embedder, store } = setup(vault, { windowNotes: 5, windowPassages: 1000 });
		const first = make();
		let commits = 0;
		first.on('records', (c) => {
			if (c.upserted.length > 0 && ++commits === 3) first.cancel();
		});
		const partial = await first.run();
		expect(first.progress.state).toBe('cancelled');
		const kept = await store.all();
		expect(kept).toHaveLength(15);
		const keptPassages = kept.reduce((n, r) => n + r.passages.length, 0);
		embedder.embeddedTexts = [];
		const resumed = await make().run();
		expect(resumed.reused).toBe(15);
		expect(resumed.notes).toBe(40);
		expect(resumed.failed).toEqual([]);
		// Only the notes the cancelled run had not committed are embedded.
		expect(resumed.embedded).toBe(resumed.chunks - keptPassages);
		expect(embedder.embeddedTexts).toHaveLength(resumed.embedded);
		expect(partial.notes).toBe(40);
	});

	it('resumes after the embedder crashes mid-run, without marking notes failed', async () => {
		const vault = syntheticVault(30, 3);
		const flaky = new FlakyEmbedder({ dim: 16 });
		// From the 8th model call on, every call fails: mid-run.
		flaky.failAfterCalls = 8;
		const { make, store } = setup(vault, { windowNotes: 4, windowPassages: 1000, maxBatch: 8 });
		await expect(make({ embedder: flaky, windows: localWindows(flaky) }).run()).rejects.toThrow(/embedder crashed/);
		const saved = await store.all();
		expect(saved.length).toBeGreaterThan(0);
		expect(saved.length).toBeLessThan(30);
		expect(saved.every((r) => r.failure === undefined)).toBe(true);
		const healthy = new FakeEmbedder({ dim: 16 });
		const report = await make({ embedder: healthy, windows: localWindows(healthy) }).run();
		expect(report.reused).toBe(saved.length);
		expect(report.failed).toEqual([]);
		expect(report.embedded).toBe(report.chunks - saved.reduce((n, r) => n + r.passages.length, 0));
	});

	it('clears and rebuilds when the model key changes, and says so', async () => {
		const { make, store } = setup(notes);
		await make().run();
		const other = new FakeEmbedder({ dim: 16, modelKey: 'other-model' });
		const indexer = make({ embedder: other, windows: localWindows(other) });
		const notices: RebuildNotice[] = [];
		const resets: boolean[] = [];
		indexer.on('rebuild', (n) => notices.push(n));
		indexer.on('records', (c) => resets.push(c.reset));
		const report = await indexer.run();
		expect(notices).toHaveLength(1);
		expect(notices[0].reason).toBe('model-changed');
		expect(resets[0]).toBe(true);
		expect(report.embedded).toBe(5);
		expect((await store.getMeta())?.modelKey).toContain('other-model');
	});

	it('drops a corrupt record and re-embeds that note', async () => {
		const { indexer, embedder, store } = setup(notes);
		await indexer.run();
		const raw = createStore(store.dbName, 'records');
		await set('note:Garden.md', { path: 'Garden.md', vectors: 'garbage', passages: 7 }, raw);
		await set('note:Boats/Engines.md', { path: 'Boats/Engines.md', mtime: 1, size: 1, hash: 'x', passages: [], vectors: new Float32Array([NaN]) }, raw);
		expect(await store.get('Garden.md')).toBeUndefined();
		embedder.embeddedTexts = [];
		const report = await new Indexer({ source: new MemoryNoteSource(notes), store, embedder, windows: localWindows(embedder) }).run();
		expect(report.embedded).toBe(4);
		expect((await store.get('Garden.md'))?.passages).toHaveLength(2);
	});

	it('never stores an excluded folder, and removes newly excluded records', async () => {
		const vault = { ...notes, '.obsidian/plugins/x/README.md': 'Config text.', 'Private/Diary.md': 'Secret thoughts.', 'Drawing.excalidraw.md': 'x' };
		const { make, store, embedder } = setup(vault);
		const indexer = make({ exclusions: createExclusions([...defaultExclusionPatterns(), 'Private/']) });
		const report = await indexer.run();
		expect(report.notes).toBe(4);
		const paths = (await store.all()).map((r) => r.path);
		expect(paths.some((p) => p.startsWith('.obsidian/') || p.startsWith('Private/') || p.endsWith('.excalidraw.md'))).toBe(false);
		expect(embedder.embeddedTexts.join(' ')).not.toMatch(/Secret|Config/);
		indexer.noteChanged({ path: 'Private/Diary.md', mtime: 5, size: 5 });
		await indexer.flush();
		expect(await store.get('Private/Diary.md')).toBeUndefined();

		const removed = await indexer.setExclusions(createExclusions([...defaultExclusionPatterns(), 'Private/', 'Boats/']));
		expect(removed.sort()).toEqual(['Boats/Engines.md', 'Boats/Sailing.md']);
		expect(await store.get('Boats/Engines.md')).toBeUndefined();
		expect(indexer.isExcluded('Boats/Sailing.md')).toBe(true);
	});

	it('indexes or skips bad inputs with a reason, none stopping the run', async () => {
		const bytes = new Uint8Array(4000).map((_, i) => (i * 7919 + 13) % 256);
		const vault: Record<string, string> = {
			'empty.md': '',
			'frontmatter-only.md': '---\ntags: [a]\n---\n',
			'long-word.md': `Start ${'x'.repeat(10_000)} end.`,
			'binary.md': new TextDecoder().decode(bytes),
			'nul.md': 'Hello\u0000world. \ud800 Lone surrogate.',
			'cjk.md': '日本語の文章です。'.repeat(200),
			'rtl-emoji.md': 'مرحبا بالعالم 👋🏽 שלום 🎉',
			'crlf.md': '# Title\r\n\r\nLine one.\r\nLine two.\r\n',
			'unreadable.md': 'cannot read me',
			'poison.md': 'This passage contains POISON for the embedder.',
			'fine.md': 'A perfectly normal note.',
			'five-mb.md': fiveMegabyteNote(),
		};
		const flaky = new FlakyEmbedder({ dim: 16 });
		flaky.poison = /POISON/;
		const { make, source, store } = setup(vault);
		source.unreadable.add('unreadable.md');
		const report = await make({ embedder: flaky, windows: localWindows(flaky) }).run();
		expect(report.notes).toBe(12);
		const reasons = Object.fromEntries(report.failed.map((f) => [f.path, f.reason]));
		expect(Object.keys(reasons).sort()).toEqual(['binary.md', 'poison.md', 'unreadable.md']);
		expect(reasons['binary.md']).toMatch(/chunking failed: not a text note/);
		expect(reasons['unreadable.md']).toMatch(/read failed: EACCES/);
		expect(reasons['poison.md']).toMatch(/embedding failed: poisoned/);
		expect((await store.get('five-mb.md'))?.passages).toHaveLength(MAX_PASSAGES_PER_NOTE);
		for (const p of ['long-word.md', 'nul.md', 'cjk.md', 'rtl-emoji.md', 'crlf.md', 'fine.md']) {
			expect((await store.get(p))?.passages.length, p).toBeGreaterThan(0);
		}
		expect((await store.get('empty.md'))?.passages).toEqual([]);
		// A failed note is not retried until it changes.
		flaky.poison = undefined;
		flaky.embeddedTexts = [];
		const again = await make({ embedder: flaky, windows: localWindows(flaky) }).run();
		expect(again.embedded).toBe(0);
		expect(again.failed).toHaveLength(3);
		source.write('poison.md', 'This passage is fine now.');
		const fixed = await make({ embedder: flaky, windows: localWindows(flaky) }).run();
		expect(fixed.failed.map((f) => f.path).sort()).toEqual(['binary.md', 'unreadable.md']);
		const status = await make().status();
		expect(status.failed.map((f) => f.path)).toEqual(['binary.md', 'unreadable.md']);
	});

	it('follows a note renamed twice while indexing runs', async () => {
		const vault = syntheticVault(20, 11);
		const { make, source, store, embedder } = setup(vault, { windowNotes: 2, windowPassages: 1000 });
		const indexer = make();
		const target = 'Recipes/Note 19.md';
		onFirstCommit(indexer, () => {
			const first = source.rename(target, 'Moved/Once.md');
			void indexer.noteRenamed(target, first).then(() => {
				const second = source.rename('Moved/Once.md', 'Moved/Twice.md');
				return indexer.noteRenamed('Moved/Once.md', second);
			});
		});
		const report = await indexer.run();
		await indexer.flush();
		expect(report.failed).toEqual([]);
		expect(await store.get(target)).toBeUndefined();
		expect(await store.get('Moved/Once.md')).toBeUndefined();
		expect((await store.get('Moved/Twice.md'))?.passages.length).toBeGreaterThan(0);
		const paths = (await store.all()).map((r) => r.path).sort();
		expect(paths).toEqual(source.paths());
		embedder.embeddedTexts = [];
		expect((await make().run()).embedded).toBe(0);
	});

	it('does not store a note deleted while indexing runs', async () => {
		const vault = syntheticVault(12, 13);
		const { make, source, store } = setup(vault, { windowNotes: 2, windowPassages: 1000 });
		const indexer = make();
		const victim = 'Recipes/Note 11.md';
		onFirstCommit(indexer, () => {
			source.delete(victim);
			void indexer.noteDeleted(victim);
		});
		const report = await indexer.run();
		expect(report.failed).toEqual([]);
		expect(await store.get(victim)).toBeUndefined();
		expect((await store.all()).map((r) => r.path).sort()).toEqual(source.paths());
	});

	it('indexes explicitly given files at once with update()', async () => {
		const { indexer, source, embedder } = setup(notes);
		await indexer.run();
		embedder.embeddedTexts = [];
		const file = source.write('New.md', 'A brand new note.');
		const report = await indexer.update([file, source.file('Garden.md')]);
		expect(report).toMatchObject({ notes: 2, embedded: 1, reused: 1 });
		expect(embedder.embeddedTexts).toEqual(['New\n\nA brand new note.']);
	});

	it('reports progress and can pause and resume', async () => {
		const ticking = new ManualClock();
		const now = ticking.now.bind(ticking);
		ticking.now = () => {
			ticking.advance(100);
			return now();
		};
		const { indexer } = setup(syntheticVault(12, 5), { windowNotes: 3, clock: ticking });
		const states: string[] = [];
		const estimates: number[] = [];
		let paused = false;
		indexer.on('progress', (p) => {
			states.push(p.state);
			if (p.secondsLeft !== undefined) estimates.push(p.secondsLeft);
			if (!paused && p.done >= 3) {
				paused = true;
				indexer.pause();
				setTimeout(() => indexer.resume(), 20);
			}
		});
		const report = await indexer.run();
		expect(report.notes).toBe(12);
		expect(states).toContain('paused');
		expect(estimates.length).toBeGreaterThan(0);
		expect(estimates.at(-1)).toBe(0);
		expect(indexer.progress).toMatchObject({ done: 12, total: 12, state: 'idle' });
	});

	it('names the note being embedded and estimates the time left once there is a rate', async () => {
		const ticking = new ManualClock();
		const now = ticking.now.bind(ticking);
		ticking.now = () => {
			ticking.advance(10_000); // each clock read: 10 s of embedding
			return now();
		};
		const vault = syntheticVault(6, 3);
		const { indexer } = setup(vault, { windowNotes: 2, clock: ticking });
		const events: IndexProgress[] = [];
		indexer.on('progress', (p) => events.push(p));
		await indexer.run();
		const running = events.filter((p) => p.state === 'indexing');
		// Every note is named while it is read, chunked and embedded, in the order of the run.
		const named = [...new Set(running.map((p) => p.current).filter((c): c is string => c !== undefined))];
		expect(named).toEqual(Object.keys(vault).sort());
		// No estimate before the first window is committed, one after it, ending at zero.
		const firstDone = running.findIndex((p) => p.done > 0);
		expect(firstDone).toBeGreaterThan(0);
		expect(running.slice(0, firstDone).every((p) => p.secondsLeft === undefined)).toBe(true);
		const estimates = running.slice(firstDone).map((p) => p.secondsLeft);
		expect(estimates.every((s) => typeof s === 'number' && s >= 0)).toBe(true);
		expect(estimates.at(-1)).toBe(0);
		expect(running.some((p) => p.current !== undefined && p.secondsLeft !== undefined && p.secondsLeft > 0)).toBe(true);
		// Idle again: neither a note nor an estimate left behind for the status bar.
		expect(events.at(-1)).toMatchObject({ state: 'idle', current: undefined, secondsLeft: undefined });
	});

	it('indexes a 5 MB note with its first passages only, without holding up the other notes', async () => {
		const big = fiveMegabyteNote();
		const { make, store, embedder, source } = setup({ ...notes, 'Archive/Letters.md': big });
		const report = await make().run();
		expect(report.notes).toBe(5);
		expect(report.failed).toEqual([]);
		for (const p of Object.keys(notes)) expect(await store.get(p), p).toBeDefined();
		expect((await store.get('Garden.md'))?.passages).toHaveLength(2);
		const record = await store.get('Archive/Letters.md');
		expect(record?.passages).toHaveLength(MAX_PASSAGES_PER_NOTE);
		expect(record?.vectors.length).toBe(MAX_PASSAGES_PER_NOTE * 16);
		expect(record?.notice).toMatch(/^partly indexed: first 256 of \d{1,3}(,\d{3})+ passages$/);
		expect(report.embedded).toBe(MAX_PASSAGES_PER_NOTE + 5);
		expect(embedder.embeddedTexts).toHaveLength(MAX_PASSAGES_PER_NOTE + 5);
		// The notice is stored with the record: a new indexer (next app start) still reports it.
		const status = await make().status();
		expect(status.indexed).toBe(5);
		expect(status.notices).toEqual([{ path: 'Archive/Letters.md', notice: record?.notice }]);
		// Once the note is short again the notice goes.
		source.write('Archive/Letters.md', 'Just one letter now.');
		await make().run();
		expect((await store.get('Archive/Letters.md'))?.notice).toBeUndefined();
		expect((await make().status()).notices).toEqual([]);
	});
});
