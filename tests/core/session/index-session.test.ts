import { describe, expect, it } from 'vitest';
import { createExclusions, defaultExclusionPatterns } from '../../../src/core/index/exclusions';
import { inProcessEngine } from '../../../src/core/session/in-process-engine';
import { openSession, type IndexSession } from '../../../src/core/session/index-session';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import { expectedMeta } from '../../../src/core/store/model-key';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { MemoryNoteSource } from '../../helpers/vault-fixtures';

const NOTES = {
	'Garden/Tomatoes.md': '# Tomatoes\nWater the tomato plants every morning.',
	'Garden/Basil.md': '# Basil\nPinch basil flowers so the plants keep growing.',
	'Work/Standup.md': '# Standup\nThe team meeting covers blockers.',
	'Private/Diary.md': 'tomato plants secret diary',
};
const everything = { limit: 10, calibration: { threshold: -1, strong: 1 } };

/** A memory store that counts what start-up costs. */
class CountingStore extends MemoryVectorStore {
	reads = 0;
	closed = false;
	override all() {
		this.reads++;
		return super.all();
	}
	override close() {
		this.closed = true;
		return super.close();
	}
}

function parts(store: CountingStore, source = new MemoryNoteSource(NOTES), embedder = new FakeEmbedder({ dim: 16 })) {
	const exclusions = createExclusions([...defaultExclusionPatterns('.obsidian'), 'Private/']);
	return { engine: inProcessEngine(embedder), store, source, exclusions, debounceMs: 1 };
}

async function indexedStore(): Promise<CountingStore> {
	const store = new CountingStore();
	const session = await openSession(parts(store));
	await session.sync();
	store.reads = 0;
	return store;
}

describe('index session', () => {
	it('reads the store once at start-up: search and the start-up sync share that read', async () => {
		const store = await indexedStore();
		const session = await openSession(parts(store));
		expect(session.searchIndex.noteCount).toBe(3);
		const report = await session.sync();
		expect(report).toMatchObject({ embedded: 0, reused: 3 });
		expect((await session.search('tomato plants', everything)).results[0].path).toBe('Garden/Tomatoes.md');
		expect(store.reads).toBe(1);
	});

	it('clears vectors of another model at open, says why at the first sync, and embeds everything again', async () => {
		const store = await indexedStore();
		const other = new FakeEmbedder({ dim: 16, modelKey: 'another-model' });
		const session = await openSession(parts(store, undefined, other));
		expect(session.searchIndex.noteCount).toBe(0);
		// Another model's vectors are dropped unread.
		expect(store.reads).toBe(0);
		const notices: string[] = [];
		session.on('rebuild', (n) => notices.push(n.reason));
		const report = await session.sync();
		expect(notices).toEqual(['model-changed']);
		expect(report.embedded).toBe(3);
		expect(await store.getMeta()).toEqual(expectedMeta('another-model'));
	});

	it('reports a stored record it cannot search and keeps the others searchable', async () => {
		const store = await indexedStore();
		const [first] = await store.all();
		await store.putMany([{ ...first, vectors: new Float32Array(3) }]);
		const session = await openSession(parts(store));
		const errors: string[] = [];
		session.on('error', (e) => errors.push(e.message));
		expect(errors).toEqual([`${first.path} is not searchable: ${first.path}: expected 1 × 16 = 16 vector values, got 3`]);
		expect(session.searchIndex.noteCount).toBe(2);
	});

	it('keeps search in step with edits, renames and deletes, and never returns excluded notes', async () => {
		const source = new MemoryNoteSource(NOTES);
		const session = await openSession(parts(new CountingStore(), source));
		await session.sync();
		const changes: number[] = [];
		session.on('change', () => changes.push(1));
		session.noteChanged(source.write('Work/Standup.md', 'Water the tomato plants every evening.'));
		await session.flush();
		await session.noteRenamed('Garden/Tomatoes.md', source.rename('Garden/Tomatoes.md', 'Veg/Tomatoes.md'));
		await session.noteDeleted('Garden/Basil.md');
		const paths = (await session.search('tomato plants', everything)).results.map((r) => r.path);
		expect(paths.slice(0, 2).sort()).toEqual(['Veg/Tomatoes.md', 'Work/Standup.md']);
		expect(paths).not.toContain('Garden/Basil.md');
		expect(paths).not.toContain('Private/Diary.md');
		expect(session.related('Veg/Tomatoes.md', everything).results.map((r) => r.path)).toEqual(['Work/Standup.md']);
		expect(changes.length).toBeGreaterThanOrEqual(3);
	});

	it('rebuild drops every vector and embeds every note again', async () => {
		const embedder = new FakeEmbedder({ dim: 16 });
		const session: IndexSession = await openSession(parts(await indexedStore(), undefined, embedder));
		const report = await session.rebuild();
		expect(report).toMatchObject({ embedded: 3, reused: 0 });
		expect(session.searchIndex.noteCount).toBe(3);
	});

	it('dispose frees the model and closes the store', async () => {
		const store = new CountingStore();
		const embedder = new FakeEmbedder({ dim: 16 });
		const session = await openSession(parts(store, undefined, embedder));
		await session.dispose();
		expect([embedder.disposed, store.closed]).toEqual([true, true]);
	});
});
