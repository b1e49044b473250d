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
}
