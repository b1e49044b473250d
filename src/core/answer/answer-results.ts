import type { SearchResult } from '../search/types';
import type { PassageAnswer } from './types';

/** Results with their answers, found one after the other (the CLI, the API; the modal goes row by row itself). */
export async function answerResults(
	results: readonly SearchResult[],
	query: Float32Array,
	find: (query: Float32Array, result: SearchResult) => Promise<PassageAnswer | undefined>,
): Promise<SearchResult[]> {
	const out: SearchResult[] = [];
	for (const result of results) out.push({ ...result, answer: await find(query, result) });
	return out;
}
