import type { NoteRecord, StoreMeta, VectorStore } from './types';

function copy(r: NoteRecord): NoteRecord {
	return { ...r, passages: r.passages.map((p) => ({ ...p })), vectors: r.vectors.slice(), ...(r.texts ? { texts: r.texts.slice() } : {}) };
}

/** Keeps everything in memory; copies on the way in and out like a persistent store would. */
export class MemoryVectorStore implements VectorStore {
	private meta: StoreMeta | undefined;
	private readonly records = new Map<string, NoteRecord>();

	getMeta(): Promise<StoreMeta | undefined> {
		return Promise.resolve(this.meta ? { ...this.meta } : undefined);
	}
	setMeta(meta: StoreMeta): Promise<void> {
		this.meta = { ...meta };
		return Promise.resolve();
	}
	get(path: string): Promise<NoteRecord | undefined> {
		const r = this.records.get(path);
		return Promise.resolve(r ? copy(r) : undefined);
	}
	all(): Promise<NoteRecord[]> {
		return Promise.resolve([...this.records.values()].map(copy));
	}
	putMany(records: readonly NoteRecord[]): Promise<void> {
		for (const r of records) this.records.set(r.path, copy(r));
		return Promise.resolve();
	}
	delete(paths: readonly string[]): Promise<void> {
		for (const p of paths) this.records.delete(p);
		return Promise.resolve();
	}
	rename(from: string, to: string): Promise<void> {
		const r = this.records.get(from);
		if (r && from !== to) {
			this.records.delete(from);
			this.records.set(to, { ...r, path: to });
		}
		return Promise.resolve();
	}
	clear(): Promise<void> {
		this.meta = undefined;
		this.records.clear();
		return Promise.resolve();
	}
	close(): Promise<void> {
		return Promise.resolve();
	}
}
