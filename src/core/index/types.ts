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

/** A note file as listed by the vault (Obsidian) or the file system (CLI). */
export interface VaultFile {
	path: string;
	mtime: number;
	size: number;
}

/** Where notes come from. */
export interface NoteSource {
	/** All markdown notes, before exclusions. */
	list(): Promise<VaultFile[]>;
	read(path: string): Promise<string>;
}

export interface IndexReport {
	notes: number;
	chunks: number;
	/** Passages embedded in this run. */
	embedded: number;
	/** Notes whose stored vectors were kept. */
	reused: number;
	renamed: number;
	removed: number;
	failed: { path: string; reason: string }[];
	seconds: number;
}

export interface IndexProgress {
	done: number;
	total: number;
	/** Path of the note being embedded, if any. */
	current?: string;
	/** Estimated seconds left, once there is a rate to estimate from. */
	secondsLeft?: number;
	state: 'idle' | 'indexing' | 'paused' | 'cancelled';
}

/** What changed in the store, so the search layer can keep its in-memory matrix current. */
export interface RecordsChange {
	/** Records written (new, re-embedded, or metadata updated), with their vectors. */
	upserted: NoteRecord[];
	/** Paths whose records were deleted. */
	removed: string[];
	/** Records moved to a new path without re-embedding: [from, to]. */
	renamed: [from: string, to: string][];
	/** The store was cleared (model or schema change): drop everything held before applying the rest. */
	reset: boolean;
}

/** Sent when stored vectors cannot be used with the current model or chunking and are rebuilt. */
export interface RebuildNotice {
	reason: 'schema-changed' | 'model-changed' | 'no-metadata';
	previous?: StoreMeta;
	current: StoreMeta;
}

/** Which paths are left out of the index (and of results). */
export interface Exclusions {
	readonly patterns: readonly string[];
	isExcluded(path: string): boolean;
}

/** Summary for a 'Show index status' command. */
export interface IndexStatus {
	/** Notes with a record (indexed or failed). */
	notes: number;
	/** Notes with vectors. */
	indexed: number;
	passages: number;
	failed: { path: string; reason: string }[];
	/** Indexed notes with a notice (e.g. partly indexed), sorted by path; the Indexer always sets it. */
	notices?: { path: string; notice: string }[];
	modelKey?: string;
	schemaVersion?: number;
	state: IndexProgress['state'];
	/** Edits waiting for their debounce to expire. */
	pending: number;
}
