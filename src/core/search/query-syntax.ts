/**
 * The search modal's filters, written as Obsidian's core search writes them:
 * `path:Projects/ tag:#mcp how do servers talk to clients`. `path:` keeps notes whose path
 * contains the value (case-insensitive), `tag:` notes with the tag or one nested under it; every
 * term must hold. Values may be quoted (`path:"Work notes/"`). Anything else, unknown operators
 * included, is part of the text that is embedded: a filter never turns a query into an error.
 */
export interface ParsedQuery {
	/** What is embedded: the query without its filter terms. */
	text: string;
	paths: string[];
	/** Lower-case, with a leading '#'. */
	tags: string[];
}

const TERM = /(^|\s)(path|tag):(?:"([^"]*)"|(\S+))/gi;

export function parseQuery(query: string): ParsedQuery {
	const paths: string[] = [];
	const tags: string[] = [];
	const text = query.replace(TERM, (whole: string, space: string, operator: string, quoted: string | undefined, bare: string | undefined) => {
		const value = (quoted ?? bare ?? '').trim();
		if (value === '') return whole;
		if (operator.toLowerCase() === 'path') paths.push(value.toLowerCase());
		else tags.push(`#${value.replace(/^#/, '').toLowerCase()}`);
		return space;
	});
	return { text: text.replace(/\s+/g, ' ').trim(), paths, tags };
}

/** True when the query has filter terms. */
export function hasFilters(parsed: ParsedQuery): boolean {
	return parsed.paths.length > 0 || parsed.tags.length > 0;
}

/**
 * Whether a note passes the query's filters. `tagsOf` gives a note's tags ('#name', any case);
 * nested tags count for their parents, as in Obsidian (`tag:#mcp` finds `#mcp/servers`).
 */
export function passesFilters(parsed: ParsedQuery, path: string, tagsOf: (path: string) => readonly string[]): boolean {
	const lower = path.toLowerCase();
	if (!parsed.paths.every((p) => lower.includes(p))) return false;
	if (parsed.tags.length === 0) return true;
	const tags = tagsOf(path).map((t) => t.toLowerCase());
	return parsed.tags.every((wanted) => tags.some((t) => t === wanted || t.startsWith(`${wanted}/`)));
}
