import { clear, createStore, del, delMany, entries, get, keys, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';
import { PLUGIN_ID } from './model-key';
import { decodeMeta, decodeRecord } from './record-codec';
import type { NoteRecord, StoreMeta, VectorStore } from './types';

/**
 * One database per vault: Obsidian shares one IndexedDB origin across all vaults, so the
 * database name carries the vault's app id.
 */
export function vaultDatabaseName(appId: string): string {
	return `${PLUGIN_ID}/${appId}`;
}

const META_KEY = 'meta';
const NOTE_PREFIX = 'note:';
const noteKey = (path: string): string => NOTE_PREFIX + path;

/**
 * VectorStore on IndexedDB through idb-keyval: one object store, the meta record under `meta`,
 * one record per note under `note:<path>` holding its vectors as a Float32Array (structured clone
 * keeps typed arrays binary, so nothing is converted to JSON).
 */
export class IdbVectorStore implements VectorStore {
	private readonly store: UseStore;

	/** `dbName` is usually `vaultDatabaseName(app.appId)`. */
	constructor(readonly dbName: string, storeName = 'records') {
		this.store = createStore(dbName, storeName);
	}

	async getMeta(): Promise<StoreMeta | undefined> {
		return decodeMeta(await get(META_KEY, this.store));
	}

	setMeta(meta: StoreMeta): Promise<void> {
		return set(META_KEY, { schemaVersion: meta.schemaVersion, modelKey: meta.modelKey }, this.store);
	}

	async get(path: string): Promise<NoteRecord | undefined> {
		let value: unknown;
		try {
			value = await get(noteKey(path), this.store);
		} catch {
			// A record the browser cannot deserialise is as good as corrupt.
			await del(noteKey(path), this.store);
			return undefined;
		}
		if (value === undefined) return undefined;
		const record = decodeRecord(value);
		if (!record || record.path !== path) {
			await del(noteKey(path), this.store);
			return undefined;
		}
		return record;
	}

	async all(): Promise<NoteRecord[]> {
		let rows: [IDBValidKey, unknown][];
		try {
			rows = await entries<IDBValidKey, unknown>(this.store);
		} catch {
			// One unreadable value fails the whole cursor: read key by key and drop the bad ones.
			rows = await this.readOneByOne();
		}
		const out: NoteRecord[] = [];
		const corrupt: IDBValidKey[] = [];
		for (const [key, value] of rows) {
			if (key === META_KEY) continue;
			const record = typeof key === 'string' && key.startsWith(NOTE_PREFIX) ? decodeRecord(value) : undefined;
			if (record && noteKey(record.path) === key) out.push(record);
			else corrupt.push(key);
		}
		if (corrupt.length > 0) await delMany(corrupt, this.store);
		return out;
	}

	private async readOneByOne(): Promise<[IDBValidKey, unknown][]> {
		const rows: [IDBValidKey, unknown][] = [];
		for (const key of await keys(this.store)) {
			try {
				rows.push([key, await get(key, this.store)]);
			} catch {
				await del(key, this.store);
			}
		}
		return rows;
	}

	putMany(records: readonly NoteRecord[]): Promise<void> {
		// setMany writes in one transaction: after a crash either all or none of the batch is there.
		return setMany(
			records.map((r) => [noteKey(r.path), toStored(r)]),
			this.store,
		);
	}

	delete(paths: readonly string[]): Promise<void> {
		return delMany(paths.map(noteKey), this.store);
	}

	rename(from: string, to: string): Promise<void> {
		if (from === to) return Promise.resolve();
		return this.store('readwrite', (s) => {
			const req = s.get(noteKey(from));
			req.onsuccess = () => {
				const value: unknown = req.result;
				if (value === undefined || typeof value !== 'object' || value === null) return;
				s.put({ ...(value as Record<string, unknown>), path: to }, noteKey(to));
				s.delete(noteKey(from));
			};
			return promisifyRequest(s.transaction);
		});
	}

	clear(): Promise<void> {
		return clear(this.store);
	}

	close(): Promise<void> {
		// idb-keyval keeps its connection open; close it so the database can be deleted or upgraded.
		return this.store('readonly', (s) => {
			s.transaction.db.close();
		});
	}
}

/** Exactly the fields of a record, so stray properties (e.g. from a spread) are not persisted. */
function toStored(r: NoteRecord): Record<string, unknown> {
	const out: Record<string, unknown> = {
		path: r.path,
		mtime: r.mtime,
		size: r.size,
		hash: r.hash,
		passages: r.passages.map((p) => ({ heading: p.heading, start: p.start, end: p.end, snippet: p.snippet })),
		vectors: r.vectors,
	};
	if (r.texts !== undefined) out.texts = r.texts.slice();
	if (r.failure !== undefined) out.failure = r.failure;
	if (r.notice !== undefined) out.notice = r.notice;
	return out;
}

/** Deletes a vault's database, e.g. from a 'Rebuild index' command. Resolves even if it is blocked. */
export function deleteVaultDatabase(appId: string, factory: IDBFactory = indexedDB): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = factory.deleteDatabase(vaultDatabaseName(appId));
		req.onsuccess = () => resolve();
		req.onblocked = () => resolve();
		req.onerror = () => reject(req.error ?? new Error('deleteDatabase failed'));
	});
}
