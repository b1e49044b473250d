import { describe, expect, it } from 'vitest';
import { decodeRecord } from '../../../src/core/store/record-codec';

const stored = (extra: Record<string, unknown> = {}) => ({
	path: 'A.md',
	mtime: 1,
	size: 2,
	hash: 'h',
	passages: [
		{ heading: '', start: 0, end: 5, snippet: 'one' },
		{ heading: 'B', start: 6, end: 9, snippet: 'two' },
	],
	vectors: new Float32Array(8).fill(0.5),
	...extra,
});

describe('decodeRecord: passage texts of the keyword index', () => {
	it('reads one text per passage', () => {
		expect(decodeRecord(stored({ texts: ['A\n\none', 'two'] }))?.texts).toEqual(['A\n\none', 'two']);
	});

	it('reads a record without texts (the note is then absent from the keyword index)', () => {
		const record = decodeRecord(stored());
		expect(record?.path).toBe('A.md');
		expect(record).not.toHaveProperty('texts');
	});

	it('treats texts that do not match the passages as corrupt', () => {
		expect(decodeRecord(stored({ texts: ['only one'] }))).toBeUndefined();
		expect(decodeRecord(stored({ texts: ['one', 2] }))).toBeUndefined();
		expect(decodeRecord(stored({ texts: 'one two' }))).toBeUndefined();
	});
});
