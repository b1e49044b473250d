/**
 * The classic mistakes that make JavaScript MiniLM scores disagree with Python (see ../shared/seed),
 * each built as a faulty engine over a given model: the parity checks must report every one.
 */
import { meanPool } from '../../../src/core/embedding/pooling';
import { correctStages, type EngineStages } from '../../../src/core/embedding/stages';

export interface FaultyVariant {
	name: string;
	modelDir: string;
	stages: EngineStages;
}

/** `modelDir` holds the correct model; `tanhGeluModelDir` the same weights with tanh-approximate GELU. */
export function faultyVariants(modelDir: string, tanhGeluModelDir: string): FaultyVariant[] {
	return [
		{
			name: 'padding included in the mean',
			modelDir,
			stages: { ...correctStages, pool: (hidden, mask, batch, seq, dim) => meanPool(hidden, new BigInt64Array(mask.length).fill(1n), batch, seq, dim) },
		},
		{
			name: 'no attention mask (all ones in a padded batch)',
			modelDir,
			stages: { ...correctStages, attentionMask: (lengths, seq) => new BigInt64Array(lengths.length * seq).fill(1n) },
		},
		{ name: 'tanh-approximate GELU (faulty model)', modelDir: tanhGeluModelDir, stages: correctStages },
		{ name: 'no L2 normalisation', modelDir, stages: { ...correctStages, normalise: (v) => Float32Array.from(v) } },
		{ name: 'truncation at 512 word pieces', modelDir, stages: { ...correctStages, maxTokens: 512 } },
	];
}
