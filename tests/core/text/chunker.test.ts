import { describe, expect, it } from 'vitest';
import { FakeTokenizer } from '../../helpers/fake-embedder';
import { chunkNote, ChunkingError } from '../../../src/core/text/chunker';
import { CHUNKING, chunkingKey } from '../../../src/core/text/chunk-params';

const tok = new FakeTokenizer();
const chunk = (markdown: string, title = 'Note', path = 'folder/Note.md') => chunkNote({ path, title, markdown }, tok);
const words = (n: number, prefix = 'word') => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
const sentences = (n: number, len = 12) => Array.from({ length: n }, (_, i) => `${words(len, `s${i}w`)}.`).join(' ');

function expectWithinLimit(passages: { text: string; wordPieces: number }[]) {
	for (const p of passages) {
		expect(tok.countWordPieces(p.text)).toBe(p.wordPieces);
		expect(p.wordPieces + 2).toBeLessThanOrEqual(CHUNKING.maxTokens);
	}
}

describe('chunkNote', () => {
	it('embeds the title with the first passage only and never the path', () => {
		const passages = chunk('# Intro\n\nHello world.\n\n# Second\n\nMore text here.', 'My Title', 'secret-folder/My Title.md');
		expect(passages).toHaveLength(2);
		expect(passages[0].text.startsWith('My Title\n\n')).toBe(true);
		expect(passages[1].text.startsWith('My Title')).toBe(false);
		for (const p of passages) expect(p.text).not.toContain('secret-folder');
	});

	it('keeps heading paths and char ranges that point into the original markdown', () => {
		const md = '# A\n\nAlpha text.\n\n## B\n\nBeta text.\n\n# C\n\nGamma.';
		const passages = chunk(md);
		expect(passages.map((p) => p.heading)).toEqual(['A', 'A > B', 'C']);
		expect(md.slice(passages[1].start, passages[1].end)).toBe('## B\n\nBeta text.');
		expect(md.slice(passages[2].start, passages[2].end)).toBe('# C\n\nGamma.');
	});

	it('never exceeds the word-piece limit, counting the title', () => {
		const md = `${sentences(200)}\n\n${sentences(50, 40)}`;
		const passages = chunk(md, words(20, 'title'));
		expect(passages.length).toBeGreaterThan(5);
		expectWithinLimit(passages);
	});

	it('splits at sentences with one sentence of overlap', () => {
		const passages = chunk(sentences(60));
		expect(passages.length).toBeGreaterThan(1);
		const lastSentenceOfFirst = passages[0].text.split('. ').at(-1)!.replace(/\.$/, '');
		expect(passages[1].text.startsWith(lastSentenceOfFirst)).toBe(true);
		expectWithinLimit(passages);
	});

	it('prefers ending a passage at a paragraph over cutting one in two', () => {
		const p1 = sentences(10, 14);
		const p2 = sentences(10, 14);
		const md = `${p1}\n\n${p2}`;
		const passages = chunk(md, '');
		expect(passages).toHaveLength(2);
		expect(md.slice(passages[0].start, passages[0].end)).toBe(p1);
		expect(md.slice(passages[1].start, passages[1].end)).toBe(p2);
	});

	it('drops footnote references, block ids and setext underlines but keeps their text', () => {
		const text = chunk('Claim with a source[^1]. ^block-7\n\nTitle line\n===\n\n[^1]: The footnote text.')
			.map((p) => p.text)
			.join(' ');
		expect(text).toBe('Note\n\nClaim with a source.\nTitle line\nThe footnote text.');
	});

	it('strips frontmatter and returns nothing for an empty or frontmatter-only note', () => {
		expect(chunk('')).toEqual([]);
		expect(chunk('   \n\n  ')).toEqual([]);
		expect(chunk('---\ntags: [a]\ntitle: x\n---\n')).toEqual([]);
		const passages = chunk('---\nsecret: frontmatter\n---\nBody text.');
		expect(passages[0].text).toBe('Note\n\nBody text.');
	});

	it('leaves out code, comments, embeds, data URIs, URLs and long non-prose tokens', () => {
		const md = [
			'Intro with [link text](https://example.com/very/long/url) and [[Other note|alias]] and [[Plain Target]].',
			'',
			'```js',
			'const hidden = 1;',
			'```',
			'',
			'    indented code hidden',
			'',
			'<!-- html comment hidden -->',
			'%% obsidian comment hidden %%',
			'![[image.png]] ![alt hidden](pic.png)',
			'Inline data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg== end.',
			'Hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 end. Visit https://example.org now.',
			'Id 550e8400-e29b-41d4-a716-446655440000 and the 2024-conference-schedule-items stay readable.',
		].join('\n');
		const text = chunk(md).map((p) => p.text).join('\n');
		for (const hidden of ['hidden', 'example', 'iVBOR', '9f86d', 'png', 'base64', 'http', '550e8400']) expect(text).not.toContain(hidden);
		for (const kept of ['link text', 'alias', 'Plain Target', 'Intro', 'Inline', 'Visit', 'now', '2024-conference-schedule-items']) expect(text).toContain(kept);
	});

	it('returns no passages for Excalidraw drawings', () => {
		expect(chunk('---\nexcalidraw-plugin: parsed\n---\n# Text Elements\nHello\n%%\n# Drawing\n```json\n{}\n```\n%%', 'D', 'D.excalidraw.md')).toEqual([]);
		expect(chunk('---\nexcalidraw-plugin: parsed\n---\nHello', 'D', 'D.md')).toEqual([]);
	});

	it('splits one 10,000-character word and a single huge sentence to fit', () => {
		const long = 'x'.repeat(10_000);
		expect(() => chunk(`before ${long} after`)).not.toThrow();
		const cjk = '漢'.repeat(3000);
		const passages = chunk(cjk);
		expect(passages.length).toBeGreaterThan(0);
		expectWithinLimit(passages);
		const run = chunk(words(5000));
		expect(run.length).toBeGreaterThan(15);
		expectWithinLimit(run);
	});

	it('refuses binary garbage with a reason', () => {
		// What reading a binary file as UTF-8 gives: U+FFFD for invalid bytes, NULs, control chars.
		const bytes = new Uint8Array(5000).map((_, i) => (i * 7919 + 13) % 256);
		const garbage = new TextDecoder().decode(bytes);
		expect(() => chunk(garbage)).toThrow(ChunkingError);
	});

	it('handles NUL bytes, lone surrogates, CJK, RTL, emoji and CRLF', () => {
		const md = '# Título\r\n\r\nHello\u0000world \ud800 lone \udc00 surrogates.\r\n\r\n日本語の文です。二つ目の文です。\r\n\r\nمرحبا بالعالم 👋🏽 emoji 🎉.';
		const passages = chunk(md);
		expect(passages.length).toBeGreaterThan(0);
		const text = passages.map((p) => p.text).join(' ');
		expect(text).not.toContain(String.fromCharCode(0));
		expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
		expect(text).toContain('日本語');
		expect(text).toContain('مرحبا');
		expect(text).toContain('🎉');
		expect(passages[0].heading).toBe('Título');
		for (const p of passages) expect(md.slice(p.start, p.end)).not.toContain('\r\n\r\n#');
	});

	// How long it takes is the benchmark's business; a quadratic chunker would still hit the test timeout.
	it('chunks a 5 MB note into passages within the limit', () => {
		const para = `${sentences(8)}\n\n`;
		const md = `# Big\n\n${para.repeat(Math.ceil(5_000_000 / para.length))}`;
		const t0 = performance.now();
		const passages = chunk(md);
		process.stdout.write(`5 MB note: ${passages.length} passages in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
		expect(passages.length).toBeGreaterThan(1000);
		expectWithinLimit(passages.slice(0, 50));
	});

	it('exposes chunking parameters for the model key', () => {
		expect(chunkingKey()).toContain(String(CHUNKING.maxTokens));
		expect(chunkingKey({ ...CHUNKING, version: 99 })).not.toBe(chunkingKey());
	});
});
