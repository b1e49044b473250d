/** Small numeric helpers shared by the benchmark parts; pure, so they are easy to trust. */

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

/** Processed vs real tokens when `lengths` (model inputs incl. [CLS]/[SEP]) run in the given batches. */
export interface PaddingStats {
	real: number;
	processed: number;
	/** Share of processed tokens that are padding, 0..1. */
	share: number;
	batches: number;
}

/** Every batch is padded to its longest member: that is what the model computes on. */
export function padding(batches: readonly (readonly number[])[]): PaddingStats {
	let real = 0;
	let processed = 0;
	for (const batch of batches) {
		let longest = 0;
		for (const n of batch) {
			real += n;
			longest = Math.max(longest, n);
		}
		processed += longest * batch.length;
	}
	return { real, processed, share: processed === 0 ? 0 : (processed - real) / processed, batches: batches.length };
}

/** Splits items into consecutive batches of at most `size`, keeping their order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** A seeded generator so every run benchmarks the same vectors (the tests' mulberry32). */
export { mulberry32 as seededRandom } from '../../tests/helpers/prng';

/** A random unit vector (normal components via Box–Muller, then L2-normalised). */
export function randomUnitVector(dim: number, rand: () => number, out = new Float32Array(dim), offset = 0): Float32Array {
	let norm = 0;
	for (let i = 0; i < dim; i++) {
		const u = Math.max(rand(), 1e-12);
		const x = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
		out[offset + i] = x;
		norm += x * x;
	}
	const scale = 1 / Math.sqrt(norm);
	for (let i = 0; i < dim; i++) out[offset + i] *= scale;
	return out;
}

/** Peak resident set size of this process so far, in MB (Linux reports maxRSS in kB). */
export function peakRssMb(): number {
	return process.resourceUsage().maxRSS / 1024;
}
