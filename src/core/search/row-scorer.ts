/**
 * Owns the memory of the vector matrix and scores every row against a query. Two kinds: a
 * WebAssembly SIMD one (the matrix lives in its linear memory, ~2× faster) and a plain-JS one
 * for where WebAssembly SIMD is unavailable or the dimension does not suit it.
 */
export interface RowScorer {
	readonly kind: ScorerKind;
	/** Zeroed storage for `capacity` rows; the previous storage must not be used afterwards. */
	allocate(capacity: number): Float32Array;
	/**
	 * `out[r] = data[r] · query` for the first `rows` rows of `data` (the array last returned by
	 * `allocate`), in double precision. The result is reused by the next call.
	 */
	score(data: Float32Array, rows: number, query: Float32Array): Float64Array;
}

export type ScorerKind = 'wasm' | 'js';
