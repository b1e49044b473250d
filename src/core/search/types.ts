import type { PassageAnswer } from '../answer/types';

export type Band = 'strong' | 'related';

/** One note in a result list, scored by its best passage. */
export interface SearchResult {
	path: string;
	/** Cosine similarity of the best passage, in [-1, 1]; never NaN. */
	score: number;
	band: Band;
	heading: string;
	snippet: string;
	start: number;
	end: number;
	/** The passage's sentences closest to the query, when they were asked for (CLI, API). */
	answer?: PassageAnswer;
}
