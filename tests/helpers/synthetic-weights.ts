/**
 * Seeded weights for a synthetic all-MiniLM-L6-v2 (BERT) — shared by the ONNX generator and the
 * float64 reference, so both compute with exactly the same float32 values.
 *
 * Scales are chosen so every bug class the parity tests guard against moves the output far above
 * 1e-6 while the network stays numerically sane: attention scores with std ≈ 1 (so masking padding
 * matters), pre-GELU activations with std ≈ 1.8 (where tanh-GELU and erf-GELU differ most, up to
 * ~5e-4), and an FFN branch about twice the residual (so the GELU choice reaches the output).
 */
import { mulberry32 } from './prng';

export const MINILM = {
	vocabSize: 30522,
	hidden: 384,
	layers: 6,
	heads: 12,
	intermediate: 1536,
	maxPositions: 512,
	typeVocab: 2,
	layerNormEps: 1e-12,
} as const;

export interface SyntheticParams {
	/** PRNG seed; the same seed gives byte-identical weights. */
	seed: number;
	/** 'erf' is the real model's exact GELU; 'tanh' is the deliberately faulty approximation. */
	gelu: 'erf' | 'tanh';
}

export interface WeightTensor {
	dims: number[];
	data: Float32Array;
}

export interface LayerWeights {
	q: WeightTensor; qBias: WeightTensor;
	k: WeightTensor; kBias: WeightTensor;
	v: WeightTensor; vBias: WeightTensor;
	attnOut: WeightTensor; attnOutBias: WeightTensor;
	attnLnGamma: WeightTensor; attnLnBeta: WeightTensor;
	ffnIn: WeightTensor; ffnInBias: WeightTensor;
	ffnOut: WeightTensor; ffnOutBias: WeightTensor;
	ffnLnGamma: WeightTensor; ffnLnBeta: WeightTensor;
}

export interface SyntheticWeights {
	wordEmbeddings: WeightTensor;
	positionEmbeddings: WeightTensor;
	tokenTypeEmbeddings: WeightTensor;
	embLnGamma: WeightTensor;
	embLnBeta: WeightTensor;
	layers: LayerWeights[];
}

export function createWeights(params: SyntheticParams): SyntheticWeights {
	// Uniform noise from mulberry32 (integer arithmetic) rather than Gaussian, so no transcendental
	// function (whose last bit may vary by engine) is involved in the weights.
	const rand = mulberry32(params.seed);
	/** Uniform noise with the given standard deviation around `mean`. */
	const tensor = (dims: number[], std: number, mean = 0): WeightTensor => {
		const n = dims.reduce((a, b) => a * b, 1);
		const data = new Float32Array(n);
		const halfWidth = std * Math.sqrt(3);
		for (let i = 0; i < n; i++) data[i] = mean + (rand() * 2 - 1) * halfWidth;
		return { dims, data };
	};
	const { vocabSize, hidden, layers, intermediate, maxPositions, typeVocab } = MINILM;
	const wordEmbeddings = tensor([vocabSize, hidden], 1.0);
	const positionEmbeddings = tensor([maxPositions, hidden], 0.5);
	const tokenTypeEmbeddings = tensor([typeVocab, hidden], 0.5);
	const embLnGamma = tensor([hidden], 0.1, 1);
	const embLnBeta = tensor([hidden], 0.1);
	const layerList: LayerWeights[] = [];
	for (let l = 0; l < layers; l++) {
		layerList.push({
			// MatMul weights are stored [in, out], as in the ONNX export of torch Linear layers.
			q: tensor([hidden, hidden], 0.05), qBias: tensor([hidden], 0.1),
			k: tensor([hidden, hidden], 0.05), kBias: tensor([hidden], 0.1),
			v: tensor([hidden, hidden], 0.05), vBias: tensor([hidden], 0.1),
			attnOut: tensor([hidden, hidden], 0.05), attnOutBias: tensor([hidden], 0.1),
			attnLnGamma: tensor([hidden], 0.1, 1), attnLnBeta: tensor([hidden], 0.1),
			ffnIn: tensor([hidden, intermediate], 0.09), ffnInBias: tensor([intermediate], 0.2),
			ffnOut: tensor([intermediate, hidden], 0.06), ffnOutBias: tensor([hidden], 0.1),
			ffnLnGamma: tensor([hidden], 0.1, 1), ffnLnBeta: tensor([hidden], 0.1),
		});
	}
	return { wordEmbeddings, positionEmbeddings, tokenTypeEmbeddings, embLnGamma, embLnBeta, layers: layerList };
}
