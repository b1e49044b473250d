import { describe, expect, it } from 'vitest';
import { retrievalQuality } from '../../../src/core/search/retrieval-quality';

const scores = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('retrievalQuality', () => {
	it('averages recall@k and the reciprocal rank of the first relevant candidate over queries', () => {
		const q1 = { scores: scores({ a: 0.9, b: 0.8, c: 0.1 }), relevant: ['a'] }; // rank 1, recall 1
		const q2 = { scores: scores({ a: 0.9, b: 0.8, c: 0.7, d: 0.2 }), relevant: ['c', 'd'] }; // first at rank 3; top 2 holds none
		const quality = retrievalQuality([q1, q2], 2);
		expect(quality.recallAtK).toBeCloseTo((1 + 0) / 2, 12);
		expect(quality.mrr).toBeCloseTo((1 + 1 / 3) / 2, 12);
		expect(quality).toMatchObject({ k: 2, queries: 2 });
	});

	it('counts the share of a query\'s relevant candidates in the top k', () => {
		const q = { scores: scores({ a: 0.9, b: 0.1, c: 0.8, d: 0.7 }), relevant: ['a', 'b'] };
		expect(retrievalQuality([q], 3).recallAtK).toBeCloseTo(0.5, 12); // a in, b ranked 4th
		expect(retrievalQuality([q], 4).recallAtK).toBe(1);
	});

	it('breaks score ties by id, as search breaks them by path', () => {
		const q = { scores: scores({ b: 0.5, a: 0.5 }), relevant: ['b'] };
		expect(retrievalQuality([q], 1).mrr).toBe(0.5);
	});

	it('refuses queries it cannot measure', () => {
		expect(() => retrievalQuality([])).toThrow(RangeError);
		expect(() => retrievalQuality([{ scores: scores({ a: 1 }), relevant: [] }])).toThrow(RangeError);
		expect(() => retrievalQuality([{ scores: scores({ a: 1 }), relevant: ['x'] }])).toThrow('relevant candidate "x" has no score');
	});
});
