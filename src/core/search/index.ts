/**
 * Search over passage embeddings: the public API used by the plugin and the `note-search` CLI.
 *
 * Typical use:
 * ```ts
 * const index = SearchIndex.fromRecords(embedder.dim, await store.all());
 * const { results, reason } = await searchText(embedder, index, 'mcp servers', { limit: 20 });
 * if (reason) show(explainEmpty(reason, { subject: 'mcp servers', threshold: DEFAULT_CALIBRATION.threshold }));
 * // keep it current from the indexer (or call upsert / remove / rename yourself):
 * indexer.on('records', (change) => index.apply(change));
 * // related notes of the open note, never including it:
 * const related = relatedNotes(index, file.path, { limit: 10, exclude: (p) => isExcluded(p) });
 * ```
 * Scores are cosine similarities of the best passage of each note; nothing below
 * `calibration.threshold` is returned (search and related notes each have their own calibrated
 * default), and the current note never appears in its own results.
 * Results are ordered by score, then path, so equal scores list the same way every time.
 * A whole search is one synchronous scan over a contiguous matrix (WebAssembly SIMD where
 * available, plain JS otherwise). Measured at 384 dims on a busy 2-core CI machine: ~2–3 ms for
 * 10k passages, ~25–45 ms for 100k (the JS fallback takes about twice as long).
 *
 * @packageDocumentation
 */
export type { Band, SearchResult } from './types';
export { SearchIndex, type SearchIndexOptions } from './search-index';
export type { ScorerKind } from './row-scorer';
export { bandFor, DEFAULT_CALIBRATION, DEFAULT_CALIBRATIONS, userCalibration, type Calibration, type CalibrationUse } from './calibration';
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
