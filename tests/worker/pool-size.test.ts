import { describe, expect, it } from 'vitest';
import { defaultPoolSize, poolSizeFor } from '../../src/worker/pool-size';

describe('pool size', () => {
	it('defaults to half the cores, at least 1 and at most 3', () => {
		expect([1, 2, 3, 4, 5, 6, 8, 16, 64].map(defaultPoolSize)).toEqual([1, 1, 1, 2, 2, 3, 3, 3, 3]);
		// A browser that hides its core count gets one worker.
		expect(defaultPoolSize(undefined)).toBe(1);
	});

	it('takes the setting when one is chosen, within 1 to 8, and the default for automatic (0)', () => {
		expect(poolSizeFor(0, 8)).toBe(3);
		expect(poolSizeFor(0, 2)).toBe(1);
		expect(poolSizeFor(5, 2)).toBe(5);
		expect(poolSizeFor(12, 2)).toBe(8);
		expect(poolSizeFor(2.6, 2)).toBe(3);
		expect(poolSizeFor(Number.NaN, 4)).toBe(2);
	});
});
