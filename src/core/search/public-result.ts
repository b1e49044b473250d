import type { SearchResult } from './types';

/** A result as the CLI's JSON and the API for other plugins give it: no character offsets. */
export interface PublicResult {
	path: string;
	score: number;
	band: SearchResult['band'];
	heading: string;
	snippet: string;
}

export function publicResult(r: SearchResult): PublicResult {
	return { path: r.path, score: r.score, band: r.band, heading: r.heading, snippet: r.snippet };
}
