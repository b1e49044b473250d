/** A piece of a result's snippet; `answer` pieces are the sentences closest to the query. */
export interface SnippetPart {
	text: string;
	answer: boolean;
}

/** The one or two sentences of a result's passage closest to the query, with a snippet around them. */
export interface PassageAnswer {
	/** The snippet in reading order; joined, the parts are the text to show. */
	parts: SnippetPart[];
	/** The answer sentences in note order, as plain text. */
	sentences: string[];
}

/** Where to look: a note's text and the range of its passage that matched (a search result's start and end). */
export interface AnswerPassage {
	markdown: string;
	start: number;
	end: number;
}

/** Finds the answer in a passage for an embedded query: in the worker in the plugin, in-process in the CLI and tests. */
export type AnswerFinder = (query: Float32Array, passage: AnswerPassage) => Promise<PassageAnswer | undefined>;
