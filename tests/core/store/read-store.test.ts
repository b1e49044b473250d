import { describe, expect, it } from 'vitest';
import { readStore } from '../../../src/core/store/read-store';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import type { NoteRecord, StoreMeta } from '../../../src/core/store/types';

const WANT: StoreMeta = { schemaVersion: 1, modelKey: 'model-a|chunking' };
const RECORD: NoteRecord = { path: 'a.md', mtime: 1, size: 2, hash: 'h', passages: [], vectors: new Float32Array(0) };

async function storeWith(meta: StoreMeta | undefined, records: NoteRecord[]): Promise<MemoryVectorStore> {
	const store = new MemoryVectorStore();
	if (meta) await store.setMeta(meta);
	await store.putMany(records);
	return store;
}

describe('readStore', () => {
	it('returns the records when schema version and model key both match', async () => {
		const store = await storeWith(WANT, [RECORD]);
		expect(await readStore(store, WANT)).toEqual({ records: [RECORD] });
	});

	it.each([
		['model-changed', { schemaVersion: 1, modelKey: 'model-b|chunking' }],
		['schema-changed', { schemaVersion: 0, modelKey: 'model-a|chunking' }],
	] as const)('clears the store and says %s when the meta differs', async (reason, have) => {
		const store = await storeWith(have, [RECORD]);
		expect(await readStore(store, WANT)).toEqual({ records: [], rebuild: { reason, previous: have, current: WANT } });
		expect(await store.all()).toEqual([]);
		expect(await store.getMeta()).toEqual(WANT);
	});

	it('treats records without meta as unusable, and stamps an empty store silently', async () => {
		const old = await storeWith(undefined, [RECORD]);
		expect((await readStore(old, WANT)).rebuild?.reason).toBe('no-metadata');
		const empty = await storeWith(undefined, []);
		expect(await readStore(empty, WANT)).toEqual({ records: [], rebuild: undefined });
		expect(await empty.getMeta()).toEqual(WANT);
	});
});
