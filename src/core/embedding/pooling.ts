/**
 * sentence-transformers' Pooling(mean) + Normalize on the model's last_hidden_state.
 * Sums run in float64 so the only float32 rounding left is the model's own.
 */

/**
 * Mean of `hidden` [batch, seq, dim] over the positions whose `mask` is 1, one vector per row.
 * Padding (mask 0) must not count, or the embedding depends on how the text was batched.
 */
export function meanPool(hidden: Float32Array, mask: ArrayLike<number | bigint>, batch: number, seq: number, dim: number): Float64Array[] {
	const out: Float64Array[] = [];
	for (let b = 0; b < batch; b++) {
		const sum = new Float64Array(dim);
		let count = 0;
		for (let s = 0; s < seq; s++) {
			if (Number(mask[b * seq + s]) !== 1) continue;
			count++;
			const base = (b * seq + s) * dim;
			for (let d = 0; d < dim; d++) sum[d] += hidden[base + d];
		}
		// torch.clamp(count, min=1e-9) in sentence-transformers: an all-zero mask gives a zero vector.
		const divisor = Math.max(count, 1e-9);
		for (let d = 0; d < dim; d++) sum[d] /= divisor;
		out.push(sum);
	}
	return out;
}

/** v / max(‖v‖₂, 1e-12), as torch.nn.functional.normalize. */
export function l2Normalise(v: Float64Array): Float32Array {
	let sq = 0;
	for (let i = 0; i < v.length; i++) sq += v[i] * v[i];
	const norm = Math.max(Math.sqrt(sq), 1e-12);
	const out = new Float32Array(v.length);
	for (let i = 0; i < v.length; i++) out[i] = v[i] / norm;
	return out;
}
