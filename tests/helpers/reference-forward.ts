/**
 * Independent float64 forward pass of the synthetic all-MiniLM-L6-v2: BERT encoder, mean pooling
 * over the real tokens, L2 normalisation — written from the architecture, sharing no code with
 * the engine (own erf, softmax, LayerNorm, pooling). It takes token ids of ONE unpadded sequence,
 * so padding and masking cannot influence it: it is the definition the engine must match.
 */
import { MINILM, type LayerWeights, type SyntheticWeights, type WeightTensor } from './synthetic-weights';

/**
 * erf to ~1e-15: Maclaurin series for |x| < 3 (largest term ≈ 1e4, so ~1e-12 absolute at worst),
 * Lentz-free backward continued fraction for erfc beyond.
 */
export function erf(x: number): number {
	const ax = Math.abs(x);
	if (ax < 3) {
		let term = ax;
		let sum = ax;
		for (let n = 1; n < 200; n++) {
			term *= (-ax * ax) / n;
			const add = term / (2 * n + 1);
			sum += add;
			if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
		}
		const r = (2 / Math.sqrt(Math.PI)) * sum;
		return x < 0 ? -r : r;
	}
	// erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
	let frac = ax;
	for (let k = 80; k >= 1; k--) frac = ax + k / 2 / frac;
	const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / frac;
	return x < 0 ? erfc - 1 : 1 - erfc;
}

/** Exact GELU as torch.nn.functional.gelu (approximate='none'). */
function gelu(x: number): number {
	return 0.5 * x * (1 + erf(x / Math.SQRT2));
}

/**
 * y[s, out] = x[s, in] · W[in, out] + b[out]. Rows go in blocks of 8 so each weight row is read
 * once per block instead of once per token: the weights (up to 2.4 MB) do not fit in cache.
 */
function linear(x: Float64Array, rows: number, w: WeightTensor, b: WeightTensor): Float64Array {
	const [inDim, outDim] = w.dims;
	const wd = w.data;
	const bd = b.data;
	const y = new Float64Array(rows * outDim);
	for (let r = 0; r < rows; r++) y.set(bd, r * outDim);
	const BLOCK = 8;
	for (let r0 = 0; r0 < rows; r0 += BLOCK) {
		const r1 = Math.min(rows, r0 + BLOCK);
		for (let i = 0; i < inDim; i++) {
			const wo = i * outDim;
			for (let r = r0; r < r1; r++) {
				const xv = x[r * inDim + i];
				const yo = r * outDim;
				for (let o = 0; o < outDim; o++) y[yo + o] += xv * wd[wo + o];
			}
		}
	}
	return y;
}

/** In-place LayerNorm over the last dimension with biased variance, as torch. */
function layerNorm(x: Float64Array, rows: number, gamma: WeightTensor, beta: WeightTensor): Float64Array {
	const dim = gamma.data.length;
	for (let r = 0; r < rows; r++) {
		const o = r * dim;
		let mean = 0;
		for (let d = 0; d < dim; d++) mean += x[o + d];
		mean /= dim;
		let variance = 0;
		for (let d = 0; d < dim; d++) variance += (x[o + d] - mean) ** 2;
		variance /= dim;
		const inv = 1 / Math.sqrt(variance + MINILM.layerNormEps);
		for (let d = 0; d < dim; d++) x[o + d] = (x[o + d] - mean) * inv * gamma.data[d] + beta.data[d];
	}
	return x;
}

function addInPlace(a: Float64Array, b: Float64Array): Float64Array {
	for (let i = 0; i < a.length; i++) a[i] += b[i];
	return a;
}

/** Multi-head self-attention over all `seq` tokens (one real sequence: nothing to mask). */
function selfAttention(x: Float64Array, seq: number, lw: LayerWeights): Float64Array {
	const { hidden, heads } = MINILM;
	const headDim = hidden / heads;
	const q = linear(x, seq, lw.q, lw.qBias);
	const k = linear(x, seq, lw.k, lw.kBias);
	const v = linear(x, seq, lw.v, lw.vBias);
	const context = new Float64Array(seq * hidden);
	const scale = 1 / Math.sqrt(headDim);
	const scores = new Float64Array(seq);
	for (let h = 0; h < heads; h++) {
		const off = h * headDim;
		for (let i = 0; i < seq; i++) {
			let max = -Infinity;
			for (let j = 0; j < seq; j++) {
				let dot = 0;
				for (let d = 0; d < headDim; d++) dot += q[i * hidden + off + d] * k[j * hidden + off + d];
				scores[j] = dot * scale;
				if (scores[j] > max) max = scores[j];
			}
			let total = 0;
			for (let j = 0; j < seq; j++) {
				scores[j] = Math.exp(scores[j] - max);
				total += scores[j];
			}
			for (let j = 0; j < seq; j++) {
				const p = scores[j] / total;
				for (let d = 0; d < headDim; d++) context[i * hidden + off + d] += p * v[j * hidden + off + d];
			}
		}
	}
	return linear(context, seq, lw.attnOut, lw.attnOutBias);
}

/** last_hidden_state [seq, 384] for one sequence of token ids (segment 0 throughout). */
export function referenceHiddenStates(w: SyntheticWeights, ids: readonly number[]): Float64Array {
	const { hidden } = MINILM;
	const seq = ids.length;
	let x: Float64Array = new Float64Array(seq * hidden);
	ids.forEach((id, s) => {
		for (let d = 0; d < hidden; d++) {
			x[s * hidden + d] =
				w.wordEmbeddings.data[id * hidden + d] + w.positionEmbeddings.data[s * hidden + d] + w.tokenTypeEmbeddings.data[d];
		}
	});
	x = layerNorm(x, seq, w.embLnGamma, w.embLnBeta);
	for (const lw of w.layers) {
		const attended = layerNorm(addInPlace(selfAttention(x, seq, lw), x), seq, lw.attnLnGamma, lw.attnLnBeta);
		const inter = linear(attended, seq, lw.ffnIn, lw.ffnInBias);
		for (let i = 0; i < inter.length; i++) inter[i] = gelu(inter[i]);
		x = layerNorm(addInPlace(linear(inter, seq, lw.ffnOut, lw.ffnOutBias), attended), seq, lw.ffnLnGamma, lw.ffnLnBeta);
	}
	return x;
}

/** Sentence embedding: mean over all tokens of the (unpadded) sequence, then L2-normalised. */
export function referenceEmbedding(w: SyntheticWeights, ids: readonly number[]): Float64Array {
	const { hidden } = MINILM;
	const states = referenceHiddenStates(w, ids);
	const mean = new Float64Array(hidden);
	for (let s = 0; s < ids.length; s++) for (let d = 0; d < hidden; d++) mean[d] += states[s * hidden + d];
	let norm = 0;
	for (let d = 0; d < hidden; d++) {
		mean[d] /= ids.length;
		norm += mean[d] * mean[d];
	}
	norm = Math.sqrt(norm);
	return mean.map((v) => v / norm);
}
