import { describe, expect, it } from 'vitest';
import { hideCodeBlocks, hideFrontmatter, hideMatches, lines, Mask } from '../../../src/core/text/mask';

function visibleAfter(text: string, hide: (mask: Mask) => void): string {
	const mask = new Mask(text);
	hide(mask);
	return mask.visible();
}

describe('Mask', () => {
	it('blanks hidden code units but keeps line breaks and every offset', () => {
		const text = 'keep\r\nhide me\nkeep';
		const shown = visibleAfter(text, (m) => m.hide(6, 13));
		expect(shown).toBe('keep\r\n       \nkeep');
		expect(shown).toHaveLength(text.length);
	});

	it('clamps ranges to the text', () => {
		expect(visibleAfter('abc', (m) => m.hide(-5, 2))).toBe('  c');
		expect(visibleAfter('abc', (m) => m.hide(2, 99))).toBe('ab ');
	});
});

describe('lines', () => {
	it('splits at LF, counts CRLF as one break, and keeps original offsets', () => {
		expect(lines('a\r\nbc\n')).toEqual([
			{ start: 0, end: 1, next: 3 },
			{ start: 3, end: 5, next: 6 },
			{ start: 6, end: 6, next: 7 },
		]);
	});
});

describe('hideFrontmatter', () => {
	const hide = (text: string) => visibleAfter(text, (m) => hideFrontmatter(m, lines(text)));

	it('hides YAML between --- lines (also closed by ...)', () => {
		expect(hide('---\ntags: x\n---\nBody')).toBe('   \n       \n   \nBody');
		expect(hide('---\na: 1\n...\nBody').endsWith('\nBody')).toBe(true);
		expect(hide('---\na: 1\n...\nBody').trim()).toBe('Body');
	});

	it('leaves an unclosed block, which Obsidian shows as text', () => {
		expect(hide('---\nnot yaml')).toBe('---\nnot yaml');
	});
});

describe('hideCodeBlocks', () => {
	const hide = (text: string) => visibleAfter(text, (m) => hideCodeBlocks(m, lines(text)));

	it('hides fenced code and display math, keeping the prose around them', () => {
		expect(hide('Before\n```js\nx = 1\n```\nAfter').split('\n').map((l) => l.trim())).toEqual(['Before', '', '', '', 'After']);
		expect(hide('Before\n$$\nx^2\n$$\nAfter').split('\n').map((l) => l.trim())).toEqual(['Before', '', '', '', 'After']);
	});

	it('runs an unclosed fence to the end of the note', () => {
		expect(hide('Prose\n~~~\ncode\nmore').split('\n').map((l) => l.trim())).toEqual(['Prose', '', '', '']);
	});

	it('hides indented code after a blank line, but not indented list items', () => {
		expect(hide('Text\n\n    code()\nText').split('\n').map((l) => l.trim())).toEqual(['Text', '', '', 'Text']);
		expect(hide('- item\n    - nested item')).toBe('- item\n    - nested item');
	});
});

describe('hideMatches', () => {
	it('hides each match, leaving the sub-range `keep` returns shown', () => {
		const text = 'see [[Target|label]] here';
		const shown = visibleAfter(text, (m) =>
			hideMatches(m, text, /\[\[[^\]|]*\|([^\]]*)\]\]/g, (match) => {
				const start = match.index + match[0].indexOf('|') + 1;
				return [start, start + match[1].length];
			}),
		);
		expect(shown).toBe('see          label   here');
	});
});
