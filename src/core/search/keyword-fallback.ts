import type { Embedder } from '../embedding/types';
import { DEFAULT_CALIBRATIONS } from './calibration';
import type { LexicalIndex } from './lexical-index';
import type { SearchOptions } from './options';
import { embedQuery, type SearchOutcome } from './query';
import type { SearchIndex } from './search-index';

/**
 * Search by meaning, plus the keyword fallback: `results` is exactly what `searchText` returns
 * (the threshold's promise holds), and `containsWords` lists the notes that contain the query's
 * rare words but score below the threshold, for a section of their own after the results. The
 * same exclusions and filters apply to both lists; a note is never in both.
 */
export async function searchWithWords(
	embedder: Pick<Embedder, 'embed'>,
	index: SearchIndex,
	lexical: LexicalIndex,
	text: string,
	options: SearchOptions,
): Promise<Required<Pick<SearchOutcome, 'containsWords'>> & SearchOutcome> {
	const embedded = await embedQuery(embedder, index, text);
	if ('reason' in embedded) return { results: [], reason: embedded.reason, containsWords: [] };
	const results = index.search(embedded.vector, options);
	const shown = new Set(results.map((r) => r.path));
	const { threshold } = options.calibration ?? DEFAULT_CALIBRATIONS.search;
	const containsWords = lexical.matches(embedded.query, {
		limit: options.limit,
		exclude: options.exclude,
		// Notes at or above the threshold belong to the semantic list, shown or cut by the limit.
		skip: (path) => shown.has(path) || path === options.currentPath || (index.bestScore(embedded.vector, path) ?? -Infinity) >= threshold,
	});
	return results.length > 0 ? { results, containsWords, query: embedded.vector } : { results, reason: 'below-threshold', containsWords };
}
