import type { NoteRecord, StoreMeta } from '../store/types';

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
