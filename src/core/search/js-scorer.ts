import type { RowScorer } from './row-scorer';

/** Plain-JS scoring over an ordinary Float32Array; used where WebAssembly SIMD is missing. */
export class JsScorer implements RowScorer {
	readonly kind = 'js';
	private out = new Float64Array(0);

	constructor(readonly dim: number) {}

	allocate(capacity: number): Float32Array {
		return new Float32Array(capacity * this.dim);
	}

	score(data: Float32Array, rows: number, query: Float32Array): Float64Array {
		if (this.out.length < rows) this.out = new Float64Array(Math.max(rows, this.out.length * 2));
		const out = this.out;
		const dim = this.dim;
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
			out[r] = s0 + s1 + (s2 + s3);
		}
		return out;
	}
}
