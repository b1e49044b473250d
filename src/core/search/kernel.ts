import type { VectorMatrix } from './matrix';

/** Euclidean norm of `v[offset .. offset + dim)` in double precision; NaN/Infinity if any value is. */
export function norm(v: Float32Array, offset: number, dim: number): number {
	let sum = 0;
	for (let i = offset, end = offset + dim; i < end; i++) sum += v[i] * v[i];
	return Math.sqrt(sum);
}

/**
 * Dot product of every row with `query`, folded straight into the best score per note, so the
 * 100k-row scan allocates nothing and never materialises a per-row score array.
 *
 * `best` (one entry per note slot) must be filled with -Infinity; on return it holds each note's
 * highest dot product and `bestRow` the row that produced it. Equal scores within a note go to
 * the lower passage index, so the reported passage does not depend on row order.
 */
export function bestPerNote(matrix: VectorMatrix, query: Float32Array, best: Float64Array, bestRow: Int32Array): void {
	const { data, rowNote, rowPassage, dim, rows } = matrix;
	// Unrolled by 8 into four independent accumulators: lets the JIT overlap the multiply-adds.
	const blocked = dim - (dim % 8);
	for (let r = 0, base = 0; r < rows; r++, base += dim) {
		let s0 = 0;
		let s1 = 0;
		let s2 = 0;
		let s3 = 0;
		let i = 0;
		for (; i < blocked; i += 8) {
			const o = base + i;
			s0 += data[o] * query[i] + data[o + 4] * query[i + 4];
			s1 += data[o + 1] * query[i + 1] + data[o + 5] * query[i + 5];
			s2 += data[o + 2] * query[i + 2] + data[o + 6] * query[i + 6];
			s3 += data[o + 3] * query[i + 3] + data[o + 7] * query[i + 7];
		}
		for (; i < dim; i++) s0 += data[base + i] * query[i];
		const s = s0 + s1 + (s2 + s3);
		const note = rowNote[r];
		const b = best[note];
		// NaN never passes these comparisons, so a corrupt row can never become a result.
		if (s > b || (s === b && rowPassage[r] < rowPassage[bestRow[note]])) {
			best[note] = s;
			bestRow[note] = r;
		}
	}
}
