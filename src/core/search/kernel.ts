import type { VectorMatrix } from './matrix';

/** Euclidean norm of `v[offset .. offset + dim)` in double precision; NaN/Infinity if any value is. */
export function norm(v: Float32Array, offset: number, dim: number): number {
	// Four accumulators break the add dependency chain: loading 100k passages checks every one.
	let s0 = 0;
	let s1 = 0;
	let s2 = 0;
	let s3 = 0;
	const end = offset + dim;
	let i = offset;
	for (; i + 4 <= end; i += 4) {
		s0 += v[i] * v[i];
		s1 += v[i + 1] * v[i + 1];
		s2 += v[i + 2] * v[i + 2];
		s3 += v[i + 3] * v[i + 3];
	}
	for (; i < end; i++) s0 += v[i] * v[i];
	return Math.sqrt(s0 + s1 + (s2 + s3));
}

/**
 * Folds per-row scores into the best score per note. `best` (one entry per note slot) must be
 * filled with -Infinity; on return it holds each note's highest score and `bestRow` the row that
 * produced it. Equal scores within a note go to the lower passage index, so the reported passage
 * does not depend on row order.
 */
export function bestPerNote(matrix: VectorMatrix, scores: Float64Array, best: Float64Array, bestRow: Int32Array): void {
	const { rowNote, rowPassage, rows } = matrix;
	for (let r = 0; r < rows; r++) {
		const s = scores[r];
		const note = rowNote[r];
		const b = best[note];
		// NaN never passes these comparisons, so a corrupt row can never become a result.
		if (s > b || (s === b && rowPassage[r] < rowPassage[bestRow[note]])) {
			best[note] = s;
			bestRow[note] = r;
		}
	}
}
