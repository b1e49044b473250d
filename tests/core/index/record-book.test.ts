import { describe, expect, it } from 'vitest';
import { RecordBook } from '../../../src/core/index/record-book';
import type { RecordsChange } from '../../../src/core/index/types';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import type { NoteRecord, StoreMeta } from '../../../src/core/store/types';

const WANT: StoreMeta = { schemaVersion: 1, modelKey: 'm|c' };
const record = (path: string, mtime = 1): NoteRecord => ({ path, mtime, size: 3, hash: `h-${path}`, passages: [], vectors: new Float32Array(0) });

async function setup(records: NoteRecord[] = []) {
	const store = new MemoryVectorStore();
	await store.setMeta(WANT);
	await store.putMany(records);
	const changes: RecordsChange[] = [];
	const book = new RecordBook(store, WANT, (c) => changes.push(c));
	return { store, changes, book };
}

const change = (patch: Partial<RecordsChange>): RecordsChange => ({ upserted: [], removed: [], renamed: [], reset: false, ...patch });

describe('RecordBook', () => {
	it('commits records where they live now, leaving out notes deleted meanwhile, and announces what it wrote', async () => {
		const { store, changes, book } = await setup();
		await book.commit([record('a.md'), record('b.md'), record('gone.md')], (p) => (p === 'gone.md' ? undefined : p === 'a.md' ? 'moved/a.md' : p));
		expect((await store.all()).map((r) => r.path).sort()).toEqual(['b.md', 'moved/a.md']);
		expect(changes).toEqual([change({ upserted: [{ ...record('a.md'), path: 'moved/a.md' }, record('b.md')] })]);
		expect([...(await book.notes()).keys()].sort()).toEqual(['b.md', 'moved/a.md']);
	});

	it('removes and moves only what is stored, announcing each write once', async () => {
		const { store, changes, book } = await setup([record('a.md'), record('b.md')]);
		expect(await book.remove(['a.md', 'never.md'])).toBe(1);
		expect(await book.move('never.md', 'x.md')).toBeUndefined();
		expect((await book.move('b.md', 'c.md'))?.path).toBe('b.md');
		expect((await store.all()).map((r) => r.path)).toEqual(['c.md']);
		expect(changes).toEqual([change({ removed: ['a.md'] }), change({ renamed: [['b.md', 'c.md']] })]);
	});

	it('touch rewrites metadata only, and forgets a note whose record is gone', async () => {
		const { store, changes, book } = await setup([record('a.md')]);
		await book.touch(() => 'a.md', { path: 'a.md', mtime: 9, size: 3 });
		expect((await store.get('a.md'))?.mtime).toBe(9);
		expect(changes).toEqual([change({ upserted: [record('a.md', 9)] })]);
		await store.delete(['a.md']);
		await book.touch(() => 'a.md', { path: 'a.md', mtime: 10, size: 3 });
		expect((await book.notes()).has('a.md')).toBe(false);
	});

	it('reads the store once, however many callers ask at the same time', async () => {
		const { store, book } = await setup([record('a.md')]);
		let reads = 0;
		const all = store.all.bind(store);
		store.all = () => {
			reads++;
			return all();
		};
		await Promise.all([book.notes(), book.notes(), book.contents()]);
		expect(reads).toBe(1);
	});
});
