/** What the store keeps of one passage besides its vector. */
export interface StoredPassage {
	heading: string;
	start: number;
	end: number;
	/** A short plain-text excerpt shown in results without reading the note again. */
	snippet: string;
}

/** Everything stored for one note. `vectors` holds passages.length × dim floats, row-major. */
export interface NoteRecord {
	path: string;
	mtime: number;
	size: number;
	/** Content hash (hex) of the note text; an unchanged hash means nothing to re-embed. */
	hash: string;
	passages: StoredPassage[];
	vectors: Float32Array;
	/**
	 * The text of each passage as embedded (title with the first), one per passage: the keyword
	 * index's words. Kept with the vectors, so a restart rebuilds the keyword index without
	 * reading any note. Absent on records written before it existed (the schema version changed).
	 */
	texts?: string[];
	/** Why this note could not be indexed; it is not retried until its content changes. */
	failure?: string;
	/**
	 * Something the user should know about an indexed note, e.g. that only its first passages
	 * were embedded ("partly indexed: first 256 of 8,925 passages"). Shown in the index status.
	 */
	notice?: string;
}

export interface StoreMeta {
	schemaVersion: number;
	/** Model id, dtype and chunking parameters; a mismatch forces a full rebuild. */
	modelKey: string;
}

/** Persistent vector cache: IndexedDB in Obsidian and the browser, a folder on disk for the CLI. */
export interface VectorStore {
	getMeta(): Promise<StoreMeta | undefined>;
	setMeta(meta: StoreMeta): Promise<void>;
	/** A corrupt or unreadable record reads as undefined and is dropped. */
	get(path: string): Promise<NoteRecord | undefined>;
	/** Every readable record; corrupt ones are dropped and left out. */
	all(): Promise<NoteRecord[]>;
	/** Writes a batch atomically enough that a crash leaves either the old or the new records. */
	putMany(records: readonly NoteRecord[]): Promise<void>;
	delete(paths: readonly string[]): Promise<void>;
	/** Moves a record to a new path without touching its vectors. */
	rename(from: string, to: string): Promise<void>;
	clear(): Promise<void>;
	close(): Promise<void>;
}
