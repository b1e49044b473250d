/**
 * The API Semantic Note Search offers other plugins, version 1:
 *
 *   const api = app.plugins.getPlugin('semantic-note-search')?.api as SemanticNoteSearchApi | undefined;
 *   if (api?.version === 1) {
 *     await api.ready();
 *     const hits = await api.search('how do MCP servers talk to clients', { limit: 5 });
 *   }
 *
 * Copy this file into your plugin. A new version number means a change that breaks callers;
 * additions keep the version. Added within version 1, after plugin 0.1.0: `searchWithWords`
 * (check `typeof api.searchWithWords === 'function'` before calling it), the `answers` search
 * option and the `answer` result field (an older plugin ignores the option and never sets the field).
 */

/** One note in a result list: the same fields `note-search search --json` prints. */
export interface SemanticNoteSearchResult {
	/** Vault path of the note. */
	path: string;
	/** Cosine similarity of the note's best passage to the query, in [-1, 1]. */
	score: number;
	/** 'strong' at or above the calibrated strong cut, else 'related'. Results below the threshold are not returned. */
	band: 'strong' | 'related';
	/** Heading path of the best passage ("Setup > Servers"), empty before the first heading. */
	heading: string;
	/** The start of the best passage, for display. */
	snippet: string;
	/**
	 * With `answers: true` (search only): the one or two sentences of the best passage closest in
	 * meaning to the query, in note order. Absent when the passage has no prose sentence.
	 */
	answer?: string[];
}

/** A note of the "Contains your words" section: below the threshold, but it holds rare words of the query. */
export interface SemanticNoteSearchWordMatch {
	/** Vault path of the note. */
	path: string;
	/** The query's rare words (in at most one note in ten) that the note contains, lower-case. */
	words: string[];
	/** Heading path of the passage holding those words best, empty before the first heading. */
	heading: string;
	/** The start of that passage, for display. */
	snippet: string;
}

/** A search with the keyword fallback: the results by meaning, and apart from them the notes holding the query's rare words. */
export interface SemanticNoteSearchAnswer {
	/** Exactly what `search` returns: every one at or above the threshold. */
	results: SemanticNoteSearchResult[];
	/** Notes below the threshold that contain rare words of the query, best match first; never one of `results`. */
	containsWords: SemanticNoteSearchWordMatch[];
}

export interface SemanticNoteSearchOptions {
	/** At most this many notes (default: the user's "Maximum results" setting). */
	limit?: number;
	/** Minimum similarity in [-1, 1] (default: the user's threshold for this use). */
	threshold?: number;
	/**
	 * Search only: also find each result's `answer` (default false). Costs about as much as
	 * embedding every result's best passage again, one result after the other.
	 */
	answers?: boolean;
}

export interface SemanticNoteSearchApi {
	readonly version: 1;
	/**
	 * Resolves once the model is loaded and the index has caught up with the vault (the first time,
	 * after the vault is indexed). Rejects with a message for people when the model is unavailable.
	 */
	ready(): Promise<void>;
	/** Notes whose passages mean what `query` means, best first. An empty query gives no results. */
	search(query: string, options?: SemanticNoteSearchOptions): Promise<SemanticNoteSearchResult[]>;
	/**
	 * `search`, plus the search modal's "Contains your words" section as a separate list (`limit`
	 * applies to each list). `path:` and `tag:` filters apply to both.
	 */
	searchWithWords(query: string, options?: SemanticNoteSearchOptions): Promise<SemanticNoteSearchAnswer>;
	/** Notes related to the note at `path`, best first, without the note itself. */
	related(path: string, options?: SemanticNoteSearchOptions): Promise<SemanticNoteSearchResult[]>;
}
