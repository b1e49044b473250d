/**
 * Compares engine embeddings with the float64 reference and says whether they agree within a
 * tolerance. The bug-class tests assert this check FAILS for faulty pipelines, so it is the
 * same function that the parity test relies on.
 */
// The cosine the CLI prints (float64, a zero vector scores 0): it only measures here, the pipeline
// under test never calls it.
import { cosine } from '../../src/core/fixtures/cosine';

export interface ParityReport {
	/** max over texts and dimensions of |engine − reference|. */
	maxElementDiff: number;
	/** max over text pairs (i, j) of |cos_engine(i, j) − cos_reference(i, j)|, including i = j. */
	maxCosineDiff: number;
	/** Index of the text with the largest element difference. */
	worstText: number;
	tolerance: number;
	ok: boolean;
}

/** Plain dot product: what the search ranks by (vectors are assumed normalised). */
function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

export function compareWithReference(engine: readonly Float32Array[], reference: readonly Float64Array[], tolerance = 1e-6): ParityReport {
	let maxElementDiff = 0;
	let worstText = 0;
	engine.forEach((e, t) => {
		const r = reference[t];
		if (e.length !== r.length) throw new Error(`dimension mismatch for text ${t}: ${e.length} vs ${r.length}`);
		for (let d = 0; d < e.length; d++) {
			const diff = Math.abs(e[d] - r[d]);
			if (diff > maxElementDiff || Number.isNaN(diff)) {
				maxElementDiff = Number.isNaN(diff) ? Infinity : diff;
				worstText = t;
			}
		}
	});
	// Scores as the search computes them (dot products of stored vectors), so a missing
	// normalisation shows up here as well as in the elements; cosine of engine vs reference for i=j.
	let maxCosineDiff = 0;
	for (let i = 0; i < engine.length; i++) {
		maxCosineDiff = Math.max(maxCosineDiff, Math.abs(1 - cosine(engine[i], reference[i])));
		for (let j = i; j < engine.length; j++) {
			maxCosineDiff = Math.max(maxCosineDiff, Math.abs(dot(engine[i], engine[j]) - dot(reference[i], reference[j])));
		}
	}
	return { maxElementDiff, maxCosineDiff, worstText, tolerance, ok: maxElementDiff <= tolerance && maxCosineDiff <= tolerance };
}

/** max |a − b| over all texts and dimensions (batch vs single runs of the engine). */
export function maxDiff(a: readonly Float32Array[], b: readonly Float32Array[]): number {
	let max = 0;
	a.forEach((v, t) => v.forEach((x, d) => (max = Math.max(max, Math.abs(x - b[t][d])))));
	return max;
}

/** Prints measured figures to the test output (stdout, like the other suites' reports). */
export function printFigures(text: string): void {
	process.stdout.write(`${text}\n`);
}
