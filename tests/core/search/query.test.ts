import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../src/core/store/types';
import {
	DEFAULT_CALIBRATION,
	explainEmpty,
	normaliseQuery,
	SearchIndex,
	searchText,
	type Calibration,
} from '../../../src/core/search';
import { FakeEmbedder } from '../../helpers/fake-embedder';

const open: Calibration = { threshold: -1, strong: 0.5 };

const texts: Record<string, string> = {
	'mcp.md': 'An MCP server exposes tools and resources to a model client over stdio or SSE.',
	'bread.md': 'Sourdough bread needs a lively starter, a long cold proof and a very hot oven.',
	'ski.md': 'Telemark skiing: free heel, lunge turns and soft boots in deep powder snow.',
	'party.md': '🎉🎉 party time 🎈 with friends and cake',
};

function indexFor(embedder: FakeEmbedder): SearchIndex {
	const records: NoteRecord[] = Object.entries(texts).map(([path, text]) => ({
		path,
		mtime: 0,
		size: text.length,
		hash: path,
		passages: [{ heading: '', start: 0, end: text.length, snippet: text.slice(0, 40) }],
		vectors: embedder.vector(text),
	}));
	return SearchIndex.fromRecords(embedder.dim, records);
}

describe('query text', () => {
	it('returns empty-query for empty or whitespace-only text without calling the embedder', async () => {
		const embedder = new FakeEmbedder();
		const index = indexFor(embedder);
		for (const text of ['', '   ', '\n\t  \u00a0\n']) {
			expect(await searchText(embedder, index, text, { limit: 5 })).toEqual({ results: [], reason: 'empty-query' });
		}
		expect(embedder.calls).toBe(0);
	});

	it('trims and collapses whitespace before embedding', async () => {
		const embedder = new FakeEmbedder();
		await searchText(embedder, indexFor(embedder), '  sourdough \n\n  starter  ', { limit: 5 });
		expect(embedder.embeddedTexts).toEqual(['sourdough starter']);
		expect(normaliseQuery(' a\tb ')).toBe('a b');
	});

	it('finds the matching note for an ordinary query', async () => {
		const embedder = new FakeEmbedder();
		const { results, reason } = await searchText(embedder, indexFor(embedder), 'sourdough starter oven', {
			limit: 5,
			calibration: { threshold: 0.2, strong: 0.5 },
		});
		expect(reason).toBeUndefined();
		expect(results[0].path).toBe('bread.md');
	});

	it('handles a 10,000-character query in one embedding call', async () => {
		const embedder = new FakeEmbedder();
		const long = 'telemark powder turns '.repeat(460).slice(0, 10_000);
		expect(long).toHaveLength(10_000);
		const { results } = await searchText(embedder, indexFor(embedder), long, { limit: 5, calibration: open });
		expect(embedder.calls).toBe(1);
		expect(embedder.embeddedTexts[0]).toHaveLength(long.trim().length);
		expect(results[0].path).toBe('ski.md');
	});

	it('answers emoji-only and stop-word-only queries with results or an explained empty list, never NaN', async () => {
		const embedder = new FakeEmbedder();
		const index = indexFor(embedder);
		for (const text of ['🎉', '🤷‍♀️🤷‍♀️', 'the of and a to', 'and', '¿?', '…']) {
			for (const calibration of [open, DEFAULT_CALIBRATION]) {
				const outcome = await searchText(embedder, index, text, { limit: 5, calibration });
				for (const r of outcome.results) expect(Number.isFinite(r.score)).toBe(true);
				expect(outcome.results.length > 0 || outcome.reason !== undefined).toBe(true);
				if (outcome.reason) expect(explainEmpty(outcome.reason, { subject: text })).not.toMatch(/undefined|NaN/);
			}
		}
	});

	it('reports no-vector when the embedder returns a zero vector', async () => {
		const embedder = new FakeEmbedder();
		const index = indexFor(embedder);
		const zero = { embed: () => Promise.resolve([new Float32Array(embedder.dim)]) };
		expect(await searchText(zero, index, 'anything', { limit: 5, calibration: open })).toEqual({
			results: [],
			reason: 'no-vector',
		});
	});

	it('reports empty-index without embedding when nothing is indexed', async () => {
		const embedder = new FakeEmbedder();
		const outcome = await searchText(embedder, new SearchIndex(embedder.dim), 'mcp', { limit: 5 });
		expect(outcome).toEqual({ results: [], reason: 'empty-index' });
		expect(embedder.calls).toBe(0);
	});

	it('reports below-threshold when notes exist but none is similar enough', async () => {
		const embedder = new FakeEmbedder();
		const outcome = await searchText(embedder, indexFor(embedder), 'quantum chromodynamics lattice', { limit: 5 });
		expect(outcome).toEqual({ results: [], reason: 'below-threshold' });
	});
});

describe('empty-results message', () => {
	it('names the query and points at the threshold setting', () => {
		expect(explainEmpty('below-threshold', { subject: 'mcp servers', threshold: 0.4294 })).toBe(
			'No notes are similar enough to “mcp servers” (minimum similarity 0.43); you can lower the threshold in settings.',
		);
		expect(explainEmpty('below-threshold')).toBe('No notes are similar enough; you can lower the threshold in settings.');
	});

	it('says something different when the index is empty', () => {
		const empty = explainEmpty('empty-index', { subject: 'mcp servers' });
		expect(empty).toMatch(/^No notes are indexed yet/);
		expect(empty).not.toBe(explainEmpty('below-threshold', { subject: 'mcp servers' }));
	});

	it('shortens long subjects to one line', () => {
		const message = explainEmpty('below-threshold', { subject: `${'word '.repeat(100)}\n\nmore` });
		const quoted = /“([^”]*)”/.exec(message)?.[1] ?? '';
		expect(quoted.length).toBeLessThanOrEqual(60);
		expect(quoted.endsWith('word…')).toBe(true);
		expect(message).not.toContain('\n');
	});

	it('has a sentence-case message for every reason', () => {
		for (const reason of ['empty-query', 'empty-index', 'not-indexed', 'no-vector', 'below-threshold'] as const) {
			const message = explainEmpty(reason, { subject: 'Note' });
			expect(message[0]).toBe(message[0].toUpperCase());
			expect(message.endsWith('.')).toBe(true);
		}
	});
});
