import type { VectorMatrix } from './matrix';

/** Euclidean norm of `v[offset .. offset + dim)` in double precision; NaN/Infinity if any value is. */
export function norm(v: Float32Array, offset: number, dim: number): number {
	let sum = 0;
	for (let i = offset, end = offset + dim; i < end; i++) sum += v[i] * v[i];
	return Math.sqrt(sum);
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
