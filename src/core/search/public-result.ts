import type { WordMatch } from './lexical-index';
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

/** A note of the "Contains your words" section as the CLI's JSON and the API give it. */
export interface PublicWordMatch {
	path: string;
	/** The query's rare words the note contains, lower-case. */
	words: string[];
	heading: string;
	snippet: string;
}

export function publicWordMatch(m: WordMatch): PublicWordMatch {
	return { path: m.path, words: [...m.words], heading: m.heading, snippet: m.snippet };
}
