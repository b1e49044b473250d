import { readStore, type StoreContents } from '../store/read-store';
import type { NoteRecord, StoreMeta, VectorStore } from '../store/types';
import { type KnownNote, toKnown } from './known-note';
import type { KnownRecord } from './plan';
import type { RecordsChange, VaultFile } from './types';

/**
 * The single place records are written and announced: every store write goes through here, one
 * at a time, updates what the indexer knows of the store (records without their vectors) and is
 * announced as a `RecordsChange`, which is how the search index follows the store.
 */
export class RecordBook {
	private opened: Promise<StoreContents> | undefined;
	private known: Map<string, KnownNote> | undefined;
	private tail: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly store: VectorStore,
		private readonly want: StoreMeta,
		private readonly announce: (change: RecordsChange) => void,
		/** The store as `readStore` already left it for this model, if the caller read it. */
		opened?: StoreContents,
	) {
		if (opened) {
			this.opened = Promise.resolve(opened);
			this.known = new Map(opened.records.map((r) => [r.path, toKnown(r)]));
		}
	}

	/**
	 * The store read (and cleared if it held another model's vectors) once, on first use. Not a
	 * queued write: every write awaits it first, so queueing it behind them would deadlock.
	 */
	contents(): Promise<StoreContents> {
		this.opened ??= readStore(this.store, this.want);
		return this.opened;
	}

	/** What is stored, by path, without vectors. */
	async notes(): Promise<Map<string, KnownNote>> {
		if (!this.known) {
			const { records } = await this.contents();
			// Another caller may have loaded it while we awaited.
			this.known ??= new Map(records.map((r) => [r.path, toKnown(r)]));
		}
		return this.known;
	}

	/** Waits for every write queued so far. */
	async settled(): Promise<void> {
		await this.tail.catch(() => undefined);
	}

	/** The store was cleared for another model: what the search index held goes too. */
	announceReset(): void {
		this.announce({ upserted: [], removed: [], renamed: [], reset: true });
	}

	/** Deletes the records of those paths that are stored; returns how many were. */
	remove(paths: readonly string[]): Promise<number> {
		if (paths.length === 0) return Promise.resolve(0);
		return this.serial(async () => {
			const known = await this.notes();
			const present = paths.filter((p) => known.has(p));
			if (present.length === 0) return 0;
			await this.store.delete(present);
			for (const p of present) known.delete(p);
			this.announce({ upserted: [], removed: present, renamed: [], reset: false });
			return present.length;
		});
	}

	/** Moves a record without touching its vectors; returns what was stored, undefined if nothing was. */
	move(from: string, to: string): Promise<KnownNote | undefined> {
		return this.serial(async () => {
			const known = await this.notes();
			const k = known.get(from);
			if (!k) return undefined;
			await this.store.rename(from, to);
			known.delete(from);
			known.set(to, { ...k, path: to });
			this.announce({ upserted: [], removed: [], renamed: [[from, to]], reset: false });
			return k;
		});
	}

	/** A rename found at start-up: the record moves and takes the file's new mtime and size. */
	moveFound(from: KnownRecord, to: VaultFile): Promise<void> {
		return this.serial(async () => {
			const known = await this.notes();
			await this.store.rename(from.path, to.path);
			if (from.mtime !== to.mtime) {
				const record = await this.store.get(to.path);
				if (record) await this.store.putMany([{ ...record, mtime: to.mtime, size: to.size }]);
			}
			known.delete(from.path);
			known.set(to.path, { ...from, path: to.path, mtime: to.mtime, size: to.size });
			this.announce({ upserted: [], removed: [], renamed: [[from.path, to.path]], reset: false });
		});
	}

	/**
	 * Same content, new mtime or size (a sync tool touched it): the metadata changes, the vectors
	 * stay. `where` gives the note's path when the write runs (it may have been renamed meanwhile).
	 */
	touch(where: () => string, file: VaultFile): Promise<void> {
		return this.serial(async () => {
			const path = where();
			const record = await this.store.get(path);
			const known = await this.notes();
			if (!record) {
				// Dropped as corrupt meanwhile: forget it so the next run indexes it afresh.
				known.delete(path);
				return;
			}
			const updated = { ...record, mtime: file.mtime, size: file.size };
			await this.store.putMany([updated]);
			known.set(path, toKnown(updated));
			this.announce({ upserted: [updated], removed: [], renamed: [], reset: false });
		});
	}

	/**
	 * Writes a window's records. `place` says where each belongs now (renames made meanwhile), or
	 * undefined for a note deleted or excluded meanwhile; it runs when the write does.
	 */
	commit(records: readonly NoteRecord[], place: (path: string) => string | undefined): Promise<void> {
		return this.serial(async () => {
			const known = await this.notes();
			const out: NoteRecord[] = [];
			for (const r of records) {
				const path = place(r.path);
				if (path !== undefined) out.push(path === r.path ? r : { ...r, path });
			}
			if (out.length === 0) return;
			await this.store.putMany(out);
			for (const r of out) known.set(r.path, toKnown(r));
			this.announce({ upserted: out, removed: [], renamed: [], reset: false });
		});
	}

	private serial<T>(fn: () => Promise<T>): Promise<T> {
		const next = this.tail.then(fn, fn);
		this.tail = next.catch(() => undefined);
		return next;
	}
}
