import { describe, expect, it } from 'vitest';
import { LexicalIndex, queryWords } from '../../../src/core/search/lexical-index';
import { rareWords } from '../../../src/core/search/rare-words';
import type { NoteRecord } from '../../../src/core/store/types';

/** A note of passages with these texts (vectors do not matter to the keyword index). */
function note(path: string, texts: string[]): NoteRecord {
	return {
		path,
		mtime: 0,
		size: 0,
		hash: path,
		passages: texts.map((t, i) => ({ heading: `H${i}`, start: i * 100, end: i * 100 + 50, snippet: t.slice(0, 20) })),
		vectors: new Float32Array(texts.length * 4),
		texts,
	};
}

/** Ten notes of two passages: twenty passages, so "rare" means in at most two of them. */
function vault(): NoteRecord[] {
	const notes: NoteRecord[] = [];
	for (let i = 0; i < 7; i++) notes.push(note(`Filler ${i}.md`, ['plain words here', 'more plain words']));
	notes.push(note('Two.md', ['the zebra crossing', 'a quagga and a zebra']));
	notes.push(note('Three a.md', ['an okapi', 'nothing']));
	notes.push(note('Three b.md', ['okapi again', 'okapi once more']));
	return notes;
}

const paths = (index: LexicalIndex, query: string) => index.matches(query, { limit: 10 }).map((m) => m.path);

describe('LexicalIndex', () => {
	it('counts a word rare by the passages that hold it: two of twenty is rare, three is not', async () => {
		const index = await LexicalIndex.fromRecords(vault());
		expect(index.passageCount).toBe(20);
		expect(paths(index, 'zebra')).toEqual(['Two.md']);
		expect(paths(index, 'okapi')).toEqual([]);
		expect(paths(index, 'plain words')).toEqual([]);
	});

	it('opens each note at its best passage for the rare words and names the words it holds', async () => {
		const index = await LexicalIndex.fromRecords(vault());
		const [match] = index.matches('Quagga!', { limit: 10 });
		expect(match).toMatchObject({ path: 'Two.md', words: ['quagga'], heading: 'H1', start: 100, end: 150 });
	});

	it('ranks notes holding more of the rare words first', async () => {
		const index = await LexicalIndex.fromRecords([...vault(), note('Both.md', ['quagga tapir', 'x']), note('Tapir.md', ['tapir', 'y'])]);
		const found = index.matches('tapir quagga', { limit: 10 });
		expect(found[0]).toMatchObject({ path: 'Both.md', words: ['tapir', 'quagga'] });
		expect(found.map((m) => m.path).sort()).toEqual(['Both.md', 'Tapir.md', 'Two.md']);
	});

	it('follows upserts, removals and renames', async () => {
		const index = await LexicalIndex.fromRecords(vault());
		index.apply({ upserted: [note('Two.md', ['a gnu', 'no stripes'])], removed: [], renamed: [], reset: false });
		expect(paths(index, 'zebra')).toEqual([]);
		expect(paths(index, 'gnu')).toEqual(['Two.md']);
		index.apply({ upserted: [], removed: [], renamed: [['Two.md', 'Moved/Two.md']], reset: false });
		expect(paths(index, 'gnu')).toEqual(['Moved/Two.md']);
		index.apply({ upserted: [], removed: ['Moved/Two.md'], renamed: [], reset: false });
		expect(paths(index, 'gnu')).toEqual([]);
		expect(index.has('Moved/Two.md')).toBe(false);
		index.apply({ upserted: [], removed: [], renamed: [], reset: true });
		expect(index.noteCount).toBe(0);
	});

	it('builds from stored records in the background: changes made meanwhile apply, in order, once it is built', async () => {
		const many = [...vault(), ...Array.from({ length: 1000 }, (_, i) => note(`Bulk ${i}.md`, [`bulk text ${i}`]))];
		const index = LexicalIndex.building(many);
		index.apply({ upserted: [note('Two.md', ['a gnu'])], removed: [], renamed: [], reset: false });
		index.apply({ upserted: [note('New.md', ['a tapir'])], removed: ['Bulk 7.md'], renamed: [], reset: false });
		await index.ready;
		expect(paths(index, 'zebra')).toEqual([]);
		expect(paths(index, 'gnu tapir').sort()).toEqual(['New.md', 'Two.md']);
		expect(index.has('Bulk 7.md')).toBe(false);
		expect(index.noteCount).toBe(many.length);
	});

	it('forgets the stored records when cleared during the build, and keeps what comes after', async () => {
		const index = LexicalIndex.building(vault());
		index.clear();
		index.apply({ upserted: [note('New.md', ['a tapir'])], removed: [], renamed: [], reset: false });
		await index.ready;
		expect(index.noteCount).toBe(1);
		expect(paths(index, 'tapir')).toEqual(['New.md']);
		expect(paths(index, 'zebra')).toEqual([]);
	});

	it('leaves out notes stored without texts, and honours exclusions, skips and the limit', async () => {
		const { texts: _texts, ...bare } = note('Bare.md', ['quagga']);
		const index = await LexicalIndex.fromRecords([...vault(), bare, note('Quagga 2.md', ['quagga'])]);
		expect(index.has('Bare.md')).toBe(false);
		expect(paths(index, 'quagga').sort()).toEqual(['Quagga 2.md', 'Two.md']);
		expect(index.matches('quagga', { limit: 10, exclude: new Set(['Two.md']) }).map((m) => m.path)).toEqual(['Quagga 2.md']);
		expect(index.matches('quagga', { limit: 10, skip: (p) => p === 'Quagga 2.md' }).map((m) => m.path)).toEqual(['Two.md']);
		expect(index.matches('quagga', { limit: 1 })).toHaveLength(1);
		expect(index.matches('quagga', { limit: 0 })).toEqual([]);
	});
});

describe('queryWords', () => {
	it('splits at spaces and punctuation, lower-cases, and keeps each word once in query order', () => {
		expect(queryWords('MCP servers, mcp: Servers!')).toEqual(['mcp', 'servers']);
		expect(queryWords('   ')).toEqual([]);
	});
});

describe('rareWords', () => {
	const df = new Map([['alpha', 1], ['beta', 10], ['gamma', 11], ['delta', 0]]);
	it('keeps words in at least one and at most a tenth of the passages', () => {
		expect(rareWords(['alpha', 'beta', 'gamma', 'delta', 'epsilon'], df, 100)).toEqual(['alpha', 'beta']);
	});
	it('allows one passage in a small index', () => {
		expect(rareWords(['alpha', 'beta'], df, 5)).toEqual(['alpha']);
	});
	it('never counts a function word as rare, however few passages hold it', () => {
		const few = new Map([['how', 1], ['does', 1], ['mcp', 1]]);
		expect(rareWords(['how', 'does', 'mcp'], few, 100)).toEqual(['mcp']);
	});
});
