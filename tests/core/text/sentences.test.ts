import { describe, expect, it } from 'vitest';
import { proseSentences } from '../../../src/core/text/passage-sentences';
import { splitSentences } from '../../../src/core/text/sentences';

const texts = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitting prose into sentences', () => {
	it('ends sentences at full stops, question and exclamation marks', () => {
		expect(texts('It rained. Did it stop? Yes, at noon!  Then sun.')).toEqual(['It rained.', 'Did it stop?', 'Yes, at noon!', 'Then sun.']);
	});

	it('keeps abbreviations and initials inside their sentence', () => {
		expect(texts('Dr. Smith met Prof. Jones, e.g. at St. Mary. See Fig. 3 for the plan. J. R. R. Tolkien wrote it.')).toEqual([
			'Dr. Smith met Prof. Jones, e.g. at St. Mary.',
			'See Fig. 3 for the plan.',
			'J. R. R. Tolkien wrote it.',
		]);
	});

	it('does not break inside decimals, versions or inline code', () => {
		expect(texts('Pi is 3.14 roughly. Call os.path.join() on v1.2.3 paths. Done.')).toEqual(['Pi is 3.14 roughly.', 'Call os.path.join() on v1.2.3 paths.', 'Done.']);
	});

	it('splits Chinese and Japanese at their full stops without spaces', () => {
		expect(texts('今天下雨了。我们在家。明日は晴れです！')).toEqual(['今天下雨了。', '我们在家。', '明日は晴れです！']);
	});

	it('keeps a sentence without a final stop, and gives ranges that point at the text', () => {
		const text = '  First one. Second without stop ';
		const spans = splitSentences(text);
		expect(spans).toEqual([
			{ start: 2, end: 12 },
			{ start: 13, end: 32 },
		]);
	});

	it('returns nothing for blank text', () => {
		expect(splitSentences('   ')).toEqual([]);
	});
});

describe('the prose sentences of a passage range', () => {
	const note = [
		'---',
		'tags: [x]',
		'---',
		'# Setup',
		'The server starts on boot. It listens',
		'on port 8080.',
		'',
		'- install the **package** first',
		'- then run `npm start` once',
		'',
		'```js',
		'const a = 1. Not prose.',
		'```',
		'See [the docs](https://example.com) for more.',
	].join('\n');

	it('joins wrapped lines, splits list items apart, removes markdown and skips headings, frontmatter and code', () => {
		expect(proseSentences(note, 0, note.length).map((s) => s.text)).toEqual([
			'The server starts on boot.',
			'It listens on port 8080.',
			'install the package first',
			'then run npm start once',
			'See the docs for more.',
		]);
	});

	it('gives each sentence its range in the note and keeps only sentences of the range', () => {
		const from = note.indexOf('- install');
		const to = note.indexOf('once') + 4;
		const got = proseSentences(note, from, to);
		expect(got.map((s) => s.text)).toEqual(['install the package first', 'then run npm start once']);
		expect(note.slice(got[1].start, got[1].end)).toBe('- then run `npm start` once');
	});
});
