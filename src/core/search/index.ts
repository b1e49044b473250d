/**
 * Search over passage embeddings: the public API used by the plugin and the `note-search` CLI.
 *
 * Typical use:
 * ```ts
 * const index = SearchIndex.fromRecords(embedder.dim, await store.all());
 * const { results, reason } = await searchText(embedder, index, 'mcp servers', { limit: 20 });
 * if (reason) show(explainEmpty(reason, { subject: 'mcp servers', threshold: DEFAULT_CALIBRATION.threshold }));
 * // keep it current from vault events:
 * index.upsert(record); index.remove(path); index.rename(from, to);
 * ```
 * Scores are cosine similarities of the best passage of each note; nothing below
 * `calibration.threshold` is returned, and the current note never appears in its own results.
 *
 * @packageDocumentation
 */
export type { Band, SearchResult } from './types';
export { SearchIndex, type SearchIndexOptions } from './search-index';
export type { ScorerKind } from './scorer';
export { bandFor, DEFAULT_CALIBRATION, type Calibration } from './calibration';
export type { PathFilter, SearchOptions } from './options';
export {
	MAX_QUERY_CHARS,
	normaliseQuery,
	relatedNotes,
	searchText,
	type EmptyReason,
	type SearchOutcome,
} from './query';
export { explainEmpty, type ExplainContext } from './explain';
