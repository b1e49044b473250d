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
 * additions keep the version. Added within version 1: `answers` (search option) and `answer`
 * (result field), after plugin 0.1.0; an older plugin ignores the option and never sets the field.
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
	/** Notes related to the note at `path`, best first, without the note itself. */
	related(path: string, options?: SemanticNoteSearchOptions): Promise<SemanticNoteSearchResult[]>;
}
