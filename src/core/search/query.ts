import type { Embedder } from '../embedding/types';
import { norm } from './kernel';
import type { SearchOptions } from './options';
import type { SearchIndex } from './search-index';
import type { SearchResult } from './types';
import type { WordMatch } from './lexical-index';

/**
 * Why a result list is empty, so the UI can say something useful instead of showing nothing.
 * - `empty-query`: nothing but whitespace was typed; the embedder was not called.
 * - `empty-index`: no passage is indexed yet (first run, or everything excluded).
 * - `not-indexed`: the note asked about (related notes) is not in the index.
 * - `no-vector`: the query or note gave no usable vector (zero or non-finite).
 * - `below-threshold`: notes were searched, none scored at or above the threshold.
 */
export type EmptyReason = 'empty-query' | 'empty-index' | 'not-indexed' | 'no-vector' | 'below-threshold';

export interface SearchOutcome {
	results: SearchResult[];
	/** Set exactly when `results` is empty. */
	reason?: EmptyReason;
	/**
	 * Search only: notes below the threshold that contain the query's rare words, a separate list
	 * shown after `results` as "Contains your words" (never merged into them).
	 */
	containsWords?: WordMatch[];
	/** The query's embedding, with the results it found: what their answers are found with. */
	query?: Float32Array;
}

/**
 * Longest query text passed on. The model only sees its first 256 word pieces anyway; the cap
 * only keeps tokenising a pasted book from stalling the UI, and is far above any real query.
 */
export const MAX_QUERY_CHARS = 100_000;

/** Trims and collapses whitespace; undefined when nothing is left to search for. */
export function normaliseQuery(text: string): string | undefined {
	const clipped = text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text;
	const normalised = clipped.replace(/\s+/gu, ' ').trim();
	return normalised === '' ? undefined : normalised;
}

function outcome(index: SearchIndex, results: SearchResult[], reasonIfEmpty: EmptyReason): SearchOutcome {
	if (results.length > 0) return { results };
	return { results, reason: index.passageCount === 0 ? 'empty-index' : reasonIfEmpty };
}

function usable(vector: Float32Array | undefined): vector is Float32Array {
	if (vector === undefined) return false;
	const length = norm(vector, 0, vector.length);
	return length > 0 && Number.isFinite(length);
}

/**
 * The vector of `text` as search embeds it, or why there is none. Whitespace-only text gives
 * `empty-query` without calling the embedder; an empty index gives `empty-index` without calling it either.
 */
export async function embedQuery(
	embedder: Pick<Embedder, 'embed'>,
	index: SearchIndex,
	text: string,
): Promise<{ vector: Float32Array; query: string } | { reason: EmptyReason }> {
	const query = normaliseQuery(text);
	if (query === undefined) return { reason: 'empty-query' };
	if (index.passageCount === 0) return { reason: 'empty-index' };
	const [vector] = await embedder.embed([query]);
	if (!usable(vector)) return { reason: 'no-vector' };
	return { vector, query };
}

/** Embeds `text` and searches the index (see `embedQuery` for the empty answers). */
export async function searchText(
	embedder: Pick<Embedder, 'embed'>,
	index: SearchIndex,
	text: string,
	options: SearchOptions,
): Promise<SearchOutcome> {
	const embedded = await embedQuery(embedder, index, text);
	if ('reason' in embedded) return { results: [], reason: embedded.reason };
	const found = outcome(index, index.search(embedded.vector, options), 'below-threshold');
	return found.results.length > 0 ? { ...found, query: embedded.vector } : found;
}

/** Notes related to the note at `path`, with the reason when there are none. */
export function relatedNotes(index: SearchIndex, path: string, options: SearchOptions): SearchOutcome {
	if (index.passageCount === 0) return { results: [], reason: 'empty-index' };
	if (!index.has(path)) return { results: [], reason: 'not-indexed' };
	if (index.noteVector(path) === undefined) return { results: [], reason: 'no-vector' };
	return outcome(index, index.related(path, options), 'below-threshold');
}
