/**
 * The steps around the network that decide whether embeddings match Python, kept as replaceable
 * parts so tests can build deliberately faulty engines (mask ignored, padding pooled, no
 * normalisation, wrong truncation) and prove the parity check catches each. Users never choose
 * stages: `createEngine` always uses `correctStages`.
 */
import { l2Normalise, meanPool } from './pooling';
import { MAX_TOKENS } from './tokenizer';

export interface EngineStages {
	/** Word-piece budget including [CLS] and [SEP]. */
	maxTokens: number;
	/** attention_mask [batch * seq] for rows of the given real lengths padded to `seq`. */
	attentionMask(lengths: readonly number[], seq: number): BigInt64Array;
	/** One sentence vector per row from last_hidden_state [batch, seq, dim]. */
	pool(hidden: Float32Array, mask: BigInt64Array, batch: number, seq: number, dim: number): Float64Array[];
	/** Final scaling of a sentence vector. */
	normalise(v: Float64Array): Float32Array;
}

export function paddingMask(lengths: readonly number[], seq: number): BigInt64Array {
	const mask = new BigInt64Array(lengths.length * seq);
	lengths.forEach((len, b) => mask.fill(1n, b * seq, b * seq + len));
	return mask;
}

export const correctStages: Readonly<EngineStages> = Object.freeze({
	maxTokens: MAX_TOKENS,
	attentionMask: paddingMask,
	pool: meanPool,
	normalise: l2Normalise,
});
