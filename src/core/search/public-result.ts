import type { SearchResult } from './types';

/** A result as the CLI's JSON and the API for other plugins give it: no character offsets. */
export interface PublicResult {
	path: string;
	score: number;
	band: SearchResult['band'];
	heading: string;
	snippet: string;
	/** The one or two sentences of the passage closest to the query, when answers were asked for. */
	answer?: string[];
}

export function publicResult(r: SearchResult): PublicResult {
	const answer = r.answer === undefined ? {} : { answer: r.answer.sentences };
	return { path: r.path, score: r.score, band: r.band, heading: r.heading, snippet: r.snippet, ...answer };
}
