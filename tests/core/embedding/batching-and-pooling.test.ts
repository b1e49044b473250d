/** The pure steps around the network: length-sorted capped batches, padding, mean pooling, L2. */
import { describe, expect, test } from 'vitest';
import { padRows, planBatches } from '../../../src/core/embedding/batching';
import { l2Normalise, meanPool } from '../../../src/core/embedding/pooling';
import { paddingMask } from '../../../src/core/embedding/stages';

describe('batch planning', () => {
	test('sorts by length, caps the batch size and remembers input positions', () => {
		const rows = [[1, 2, 3, 4], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4, 5]];
		const batches = planBatches(rows, 2);
		expect(batches.map((b) => b.indices)).toEqual([[1, 2], [3, 0], [4]]);
		expect(batches.every((b) => b.rows.length <= 2)).toBe(true);
		expect(batches.flatMap((b) => b.indices).sort()).toEqual([0, 1, 2, 3, 4]);
	});

	test('pads right with the pad id and marks only real tokens in the mask', () => {
		const { ids, lengths, seq } = padRows([[101, 7, 102], [101, 102]], 0);
		expect(seq).toBe(3);
		expect(Array.from(ids, Number)).toEqual([101, 7, 102, 101, 102, 0]);
		expect(Array.from(paddingMask(lengths, seq), Number)).toEqual([1, 1, 1, 1, 1, 0]);
	});
});

describe('pooling', () => {
	test('the mean ignores padded positions', () => {
		// batch 1, seq 3, dim 2; the padded third position holds garbage.
		const hidden = Float32Array.from([1, 2, 3, 4, 1000, -1000]);
		const [mean] = meanPool(hidden, BigInt64Array.from([1n, 1n, 0n]), 1, 3, 2);
		expect(Array.from(mean)).toEqual([2, 3]);
	});

	test('normalises to unit length, and leaves a zero vector at zero instead of NaN', () => {
		const v = l2Normalise(Float64Array.from([3, 4]));
		expect(Array.from(v)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
		expect(Array.from(l2Normalise(new Float64Array(3)))).toEqual([0, 0, 0]);
	});
});
