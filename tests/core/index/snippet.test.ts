import { describe, expect, it } from 'vitest';
import { toStoredPassage } from '../../../src/core/index/snippet';
import type { Passage } from '../../../src/core/text/passage';

const passage = (text: string, heading: string): Passage => ({ text, heading, start: 0, end: text.length, wordPieces: 10 });

describe('stored passage snippet', () => {
	it('leaves out the title embedded with the first passage', () => {
		expect(toStoredPassage(passage('Bread\n\nFlour and water.', ''), 'Bread', true).snippet).toBe('Flour and water.');
	});

	it('does not repeat the heading that results already show above it', () => {
		const p = passage('Troubleshooting\n\nGrey liquid on top: it is hungry.', 'Starter > Troubleshooting');
		expect(toStoredPassage(p, 'Starter', false).snippet).toBe('Grey liquid on top: it is hungry.');
	});

	it('keeps a first line that only starts like the heading', () => {
		const p = passage('Troubleshooting tips are below.', 'Troubleshooting');
		expect(toStoredPassage(p, 'Note', false).snippet).toBe('Troubleshooting tips are below.');
	});

	it('closes the blanks that masked link brackets leave before punctuation', () => {
		expect(toStoredPassage(passage('See What is MCP  . Then this , and that !', ''), 'Note', false).snippet).toBe('See What is MCP. Then this, and that!');
	});

	it('cuts long text at a word boundary with an ellipsis', () => {
		const s = toStoredPassage(passage('word '.repeat(100), ''), 'Note', false).snippet;
		expect(s.length).toBeLessThanOrEqual(201);
		expect(s.endsWith('word…')).toBe(true);
	});
});
