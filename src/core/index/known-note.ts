import type { KnownRecord } from './plan';
import type { NoteRecord } from '../store/types';

/**
 * A stored record as the indexer remembers it: no vectors (a vault's worth would double the
 * memory the search matrix already holds), and its notice for `status()`.
 */
export interface KnownNote extends KnownRecord {
	notice?: string;
}

export function toKnown(r: NoteRecord): KnownNote {
	const k: KnownNote = { path: r.path, mtime: r.mtime, size: r.size, hash: r.hash, passages: r.passages.length };
	if (r.failure !== undefined) k.failure = r.failure;
	if (r.notice !== undefined) k.notice = r.notice;
	return k;
}
