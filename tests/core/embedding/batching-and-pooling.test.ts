/** The pure steps around the network: length-sorted capped batches, padding, mean pooling, L2. */
import { describe, expect, test } from 'vitest';
import { MAX_PADDED_TOKENS, padRows, planBatches, planBatchesByLength } from '../../../src/core/embedding/batching';
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

	// Model-input lengths (incl. [CLS]/[SEP]) of the sample vault as the chunker cuts it, in vault
	// order, repeated like the benchmark's corpus: 10 to 172 tokens, p50 ~60.
	const vault = [
		169, 52, 154, 29, 127, 64, 53, 146, 41, 123, 58, 67, 148, 38, 53, 119, 139, 75, 75, 80, 31, 54, 108, 78, 66, 97, 50, 62, 39, 33, 32, 37, 37, 27, 42, 46, 105, 18,
		72, 38, 60, 32, 47, 52, 32, 37, 83, 80, 108, 87, 88, 99, 10, 144, 139, 47, 129, 86, 39, 28, 152, 72, 38, 68, 109, 25, 67, 131, 35, 114, 44, 27, 92, 37, 32, 111,
		122, 39, 123, 127, 54, 95, 126, 62, 85, 138, 59, 74, 45, 57, 49, 102, 70, 38, 112, 55, 38, 28, 103, 52, 48, 16, 41, 25, 17, 36,
	];
	/** Share of computed tokens that are padding when every batch pads to its longest row. */
	const paddingShare = (lengths: readonly number[], batches: readonly number[][]): number => {
		let real = 0;
		let processed = 0;
		for (const b of batches) {
			const rows = b.map((i) => lengths[i]);
			real += rows.reduce((n, x) => n + x, 0);
			processed += Math.max(...rows) * rows.length;
		}
		return (processed - real) / processed;
	};
	/** Deterministic pseudo-random lengths (LCG), log-normal-ish like prose passages, 4..256. */
	const mix = (count: number, seed: number): number[] => {
		let state = seed;
		const next = (): number => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
		return Array.from({ length: count }, () => Math.min(256, Math.max(4, Math.round(Math.exp(3 + 1.4 * next() + 0.8 * next())))));
	};
	const windows = (lengths: readonly number[], size: number): number[][] =>
		Array.from({ length: Math.ceil(lengths.length / size) }, (_, w) => lengths.slice(w * size, (w + 1) * size));

	test('pads ≤ 10 % on a realistic length mix, per indexer window of 128 passages', () => {
		for (const lengths of [vault, [...vault, ...vault, ...vault], mix(1000, 7), mix(1000, 42)]) {
			const perWindow = windows(lengths, 128).map((w) => ({ w, batches: planBatchesByLength(w, { maxRows: 32 }) }));
			const real = lengths.reduce((n, x) => n + x, 0);
			const processed = perWindow.reduce((n, { w, batches }) => n + batches.reduce((m, b) => m + Math.max(...b.map((i) => w[i])) * b.length, 0), 0);
			expect((processed - real) / processed).toBeLessThanOrEqual(0.1);
			// Count-only batches of 32 pad far more on the same windows (the reason for the budget).
			const countOnly = windows(lengths, 128).map((w) => ({ w, batches: planBatchesByLength(w, { maxRows: 32, paddingRatio: Infinity }) }));
			const before = countOnly.reduce((n, { w, batches }) => n + batches.reduce((m, b) => m + Math.max(...b.map((i) => w[i])) * b.length, 0), 0);
			expect((before - real) / before).toBeGreaterThan(0.15);
		}
		expect(paddingShare(vault, planBatchesByLength(vault, { maxRows: 32 }))).toBeLessThanOrEqual(0.1);
	});

	test('every batch keeps to its padding budget, and uniform lengths still fill batches of 32', () => {
		for (const lengths of [vault, mix(500, 3)]) {
			for (const b of planBatchesByLength(lengths, { maxRows: 32 })) {
				const rows = b.map((i) => lengths[i]);
				const real = rows.reduce((n, x) => n + x, 0);
				if (rows.length > 1) expect(Math.max(...rows) * rows.length).toBeLessThanOrEqual(1.1 * real + 16);
			}
		}
		expect(planBatchesByLength(new Array(100).fill(60), { maxRows: 32 }).map((b) => b.length)).toEqual([32, 32, 32, 4]);
	});

	test('returns every input position once, sorted by length, and the rows restore input order', () => {
		const lengths = mix(300, 11);
		const tokenized = lengths.map((n, i) => Array.from({ length: n }, () => i));
		const batches = planBatches(tokenized, 32);
		expect(batches.flatMap((b) => b.indices).sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
		const flat = batches.flatMap((b) => b.rows.map((r) => r.length));
		expect(flat).toEqual([...flat].sort((a, b) => a - b));
		const restored = new Array<number[]>(tokenized.length);
		for (const b of batches) b.indices.forEach((inputIndex, row) => (restored[inputIndex] = b.rows[row]));
		expect(restored).toEqual(tokenized);
		// Same input, same plan.
		expect(planBatches(tokenized, 32)).toEqual(batches);
	});

	test('caps rows and padded tokens per batch; a row over the cap runs alone', () => {
		const lengths = mix(400, 5);
		for (const b of planBatchesByLength(lengths, { maxRows: 32, maxPaddedTokens: 1024, paddingRatio: Infinity })) {
			expect(b.length).toBeLessThanOrEqual(32);
			expect(Math.max(...b.map((i) => lengths[i])) * b.length).toBeLessThanOrEqual(1024);
		}
		for (const b of planBatchesByLength(lengths, { maxRows: 32 })) {
			expect(Math.max(...b.map((i) => lengths[i])) * b.length).toBeLessThanOrEqual(MAX_PADDED_TOKENS);
		}
		expect(planBatchesByLength([10, 300, 20], { maxRows: 32, maxPaddedTokens: 256 })).toEqual([[0, 2], [1]]);
		expect(planBatchesByLength([], { maxRows: 32 })).toEqual([]);
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
