import 'fake-indexeddb/auto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, set } from 'idb-keyval';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskVectorStore } from '../../../src/node/disk-store';
import { IdbVectorStore, vaultDatabaseName } from '../../../src/core/store/idb-store';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import type { NoteRecord, VectorStore } from '../../../src/core/store/types';

const dirs: string[] = [];
afterAll(async () => {
	for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function record(path: string, n = 2, dim = 4): NoteRecord {
	return {
		path,
		mtime: 1000,
		size: 42,
		hash: `h-${path}`,
		passages: Array.from({ length: n }, (_, i) => ({ heading: `H${i}`, start: i * 10, end: i * 10 + 5, snippet: `snippet ${i}` })),
		vectors: Float32Array.from({ length: n * dim }, (_, i) => i / 10),
	};
}

let n = 0;
const factories: [string, () => Promise<VectorStore>][] = [
	['memory', () => Promise.resolve(new MemoryVectorStore())],
	['IndexedDB', () => Promise.resolve(new IdbVectorStore(vaultDatabaseName(`store-test-${n++}`)))],
	[
		'disk',
		async () => {
			const dir = await mkdtemp(join(tmpdir(), 'nss-store-'));
			dirs.push(dir);
			return new DiskVectorStore(join(dir, 'index'));
		},
	],
];

describe.each(factories)('%s vector store', (_name, make) => {
	it('round-trips meta and records with their vectors', async () => {
		const store = await make();
		expect(await store.getMeta()).toBeUndefined();
		await store.setMeta({ schemaVersion: 1, modelKey: 'm|chunk' });
		expect(await store.getMeta()).toEqual({ schemaVersion: 1, modelKey: 'm|chunk' });
		const failed: NoteRecord = { ...record('Bad.md', 0), failure: 'read failed' };
		await store.putMany([record('A.md'), record('Folder/B.md', 3), failed, record('Empty.md', 0)]);
		const a = await store.get('A.md');
		expect(a).toEqual(record('A.md'));
		expect(a?.vectors).toBeInstanceOf(Float32Array);
		expect((await store.get('Bad.md'))?.failure).toBe('read failed');
		expect((await store.all()).map((r) => r.path).sort()).toEqual(['A.md', 'Bad.md', 'Empty.md', 'Folder/B.md']);
		await store.close();
	});

	it('keeps the passage texts of the keyword index with the vectors, through a new store object and a rename', async () => {
		const store = await make();
		const withTexts: NoteRecord = { ...record('Words.md'), texts: ['Telemark skiing, first passage', 'second passage'] };
		await store.putMany([withTexts, record('Plain.md')]);
		await store.rename('Words.md', 'Moved/Words.md');
		await store.close();
		// Disk and IndexedDB stores reopen the same place; the memory store only has itself.
		const again = store instanceof MemoryVectorStore ? store : store instanceof DiskVectorStore ? new DiskVectorStore(store.dir) : new IdbVectorStore((store as IdbVectorStore).dbName);
		const byPath = new Map((await again.all()).map((r) => [r.path, r]));
		expect(byPath.get('Moved/Words.md')?.texts).toEqual(['Telemark skiing, first passage', 'second passage']);
		expect(byPath.get('Plain.md')).not.toHaveProperty('texts');
		await again.close();
	});

	it('renames without touching vectors, deletes, and clears', async () => {
		const store = await make();
		await store.putMany([record('A.md'), record('B.md')]);
		await store.rename('A.md', 'Moved/A.md');
		expect(await store.get('A.md')).toBeUndefined();
		expect((await store.get('Moved/A.md'))?.vectors).toEqual(record('A.md').vectors);
		await store.rename('Missing.md', 'X.md');
		expect(await store.get('X.md')).toBeUndefined();
		await store.delete(['B.md', 'Never.md']);
		expect((await store.all()).map((r) => r.path)).toEqual(['Moved/A.md']);
		await store.setMeta({ schemaVersion: 1, modelKey: 'k' });
		await store.clear();
		expect(await store.all()).toEqual([]);
		expect(await store.getMeta()).toBeUndefined();
		await store.close();
	});
});

describe('IndexedDB store', () => {
	it('names one database per vault', () => {
		expect(vaultDatabaseName('abc123')).toBe('semantic-note-search/abc123');
	});

	it('drops corrupt records instead of crashing', async () => {
		const db = vaultDatabaseName(`corrupt-${n++}`);
		const store = new IdbVectorStore(db);
		await store.putMany([record('Good.md'), record('Bad.md')]);
		const raw = createStore(db, 'records');
		await set('note:Bad.md', { ...record('Bad.md'), vectors: new Float32Array(5) }, raw);
		await set('note:Str.md', 'just a string', raw);
		await set('stray-key', 42, raw);
		await set('meta', { schemaVersion: 'one' }, raw);
		expect(await store.getMeta()).toBeUndefined();
		expect((await store.all()).map((r) => r.path)).toEqual(['Good.md']);
		expect(await store.get('Bad.md')).toBeUndefined();
		await store.putMany([record('Again.md')]);
		expect((await store.all()).map((r) => r.path).sort()).toEqual(['Again.md', 'Good.md']);
	});
});

describe('disk store', () => {
	it('drops corrupt and half-written files', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'nss-disk-'));
		dirs.push(dir);
		const store = new DiskVectorStore(dir);
		await store.putMany([record('Good.md'), record('Bad.md')]);
		const notes = join(dir, 'notes');
		const files = await readdir(notes);
		expect(files).toHaveLength(2);
		// Corrupt both files, leave a temp file of an interrupted write, then rewrite Good.md only.
		for (const f of files) await writeFile(join(notes, f), 'NSR1garbage');
		await writeFile(join(notes, 'x.rec.123.tmp'), 'partial');
		await store.putMany([record('Good.md')]);
		expect((await store.all()).map((r) => r.path)).toEqual(['Good.md']);
		expect(await readdir(notes)).toHaveLength(1);
		await writeFile(join(dir, 'meta.json'), '{not json');
		expect(await store.getMeta()).toBeUndefined();
	});
});
