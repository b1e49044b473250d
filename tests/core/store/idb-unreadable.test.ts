import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type * as IdbKeyval from 'idb-keyval';

// A value the browser cannot deserialise makes the cursor (entries) and its own get() fail.
vi.mock('idb-keyval', async (importOriginal) => {
	const real = await importOriginal<typeof IdbKeyval>();
	return {
		...real,
		entries: () => Promise.reject(new DOMException('unreadable value', 'DataCloneError')),
		get: (key: IDBValidKey, store?: IdbKeyval.UseStore) =>
			key === 'note:Unreadable.md' ? Promise.reject(new DOMException('unreadable value', 'DataCloneError')) : real.get(key, store),
	};
});

const { IdbVectorStore } = await import('../../../src/core/store/idb-store');
const { keys, createStore } = await import('idb-keyval');

describe('IndexedDB store with an unreadable value', () => {
	it('reads the other records one by one and deletes the unreadable one', async () => {
		const db = `semantic-note-search/unreadable-${Date.now()}`;
		const store = new IdbVectorStore(db);
		const rec = (path: string) => ({ path, mtime: 1, size: 1, hash: 'h', passages: [], vectors: new Float32Array(0) });
		await store.putMany([rec('Good.md'), rec('Unreadable.md')]);
		expect((await store.all()).map((r) => r.path)).toEqual(['Good.md']);
		expect(await keys(createStore(db, 'records'))).toEqual(['note:Good.md']);
		expect(await store.get('Unreadable.md')).toBeUndefined();
	});
});
