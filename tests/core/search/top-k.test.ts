import { describe, expect, it } from 'vitest';
import { TopK } from '../../../src/core/search/top-k';
import { mulberry32 } from '../../helpers/prng';

const higher = (a: number, b: number) => a > b;

describe('TopK', () => {
	it('keeps the k best of any arrival order, best first', () => {
		const random = mulberry32(7);
		for (let round = 0; round < 20; round++) {
			const values = Array.from({ length: 200 }, () => random());
			const top = new TopK(10, higher);
			for (const v of values) top.push(v);
			expect(top.sorted()).toEqual([...values].sort((a, b) => b - a).slice(0, 10));
		}
	});

	it('keeps everything when fewer than k items arrive', () => {
		const top = new TopK(5, higher);
		[3, 1, 2].forEach((v) => top.push(v));
		expect(top.sorted()).toEqual([3, 2, 1]);
	});

	it('says whether an item would be kept, so callers can skip costly checks', () => {
		const top = new TopK(2, higher);
		top.push(5);
		expect(top.wouldKeep(0)).toBe(true);
		top.push(4);
		expect([top.wouldKeep(3), top.wouldKeep(6)]).toEqual([false, true]);
	});

	it('keeps nothing for k = 0', () => {
		const top = new TopK(0, higher);
		top.push(1);
		expect([top.wouldKeep(1), top.sorted()]).toEqual([false, []]);
	});
});
