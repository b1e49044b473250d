import { describe, expect, it } from 'vitest';
import { hasFilters, parseQuery, passesFilters } from '../../../src/core/search/query-syntax';

describe('parseQuery', () => {
	it('takes path: and tag: terms out of the text that is embedded, as Obsidian core search writes them', () => {
		expect(parseQuery('path:Projects/ tag:#mcp how do servers talk to clients')).toEqual({ text: 'how do servers talk to clients', paths: ['projects/'], tags: ['#mcp'] });
		expect(parseQuery('tag:MCP servers')).toEqual({ text: 'servers', paths: [], tags: ['#mcp'] });
		expect(parseQuery('path:"Work notes/AI" agents')).toEqual({ text: 'agents', paths: ['work notes/ai'], tags: [] });
	});

	it('searches unknown operators, empty filters and colons inside words as words, never an error', () => {
		expect(parseQuery('file:Home line:3 what is MCP')).toEqual({ text: 'file:Home line:3 what is MCP', paths: [], tags: [] });
		expect(parseQuery('path: servers')).toEqual({ text: 'path: servers', paths: [], tags: [] });
		expect(parseQuery('ratio 16:9 displays')).toEqual({ text: 'ratio 16:9 displays', paths: [], tags: [] });
		expect(hasFilters(parseQuery('just words'))).toBe(false);
	});

	it('leaves an empty text when the query is only filters', () => {
		const parsed = parseQuery('path:Garden/');
		expect(parsed.text).toBe('');
		expect(hasFilters(parsed)).toBe(true);
	});
});

describe('passesFilters', () => {
	const tags: Record<string, string[]> = { 'Projects/AI/MCP.md': ['#MCP/servers', '#ai'], 'Garden/Tomato.md': ['#garden'] };
	const tagsOf = (path: string) => tags[path] ?? [];

	it('keeps notes whose path contains every path: value, case-insensitively', () => {
		const parsed = parseQuery('path:projects/ path:ai servers');
		expect(passesFilters(parsed, 'Projects/AI/MCP.md', tagsOf)).toBe(true);
		expect(passesFilters(parsed, 'Projects/Garden.md', tagsOf)).toBe(false);
	});

	it('keeps notes with every tag, counting nested tags for their parents', () => {
		expect(passesFilters(parseQuery('tag:#mcp x'), 'Projects/AI/MCP.md', tagsOf)).toBe(true);
		expect(passesFilters(parseQuery('tag:mc x'), 'Projects/AI/MCP.md', tagsOf)).toBe(false);
		expect(passesFilters(parseQuery('tag:#mcp tag:#garden x'), 'Projects/AI/MCP.md', tagsOf)).toBe(false);
		expect(passesFilters(parseQuery('tag:#garden x'), 'Garden/Tomato.md', tagsOf)).toBe(true);
	});
});
