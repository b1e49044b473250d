/**
 * Groups texts into model batches. The model computes on every row padded to the batch's longest
 * row, so a batch of mixed lengths wastes compute on padding; one oversized WASM batch can also
 * exhaust the heap and break later batches. Hence: rows are sorted by token count and a batch
 * ends when it is full (`maxRows`), when its padded size would pass `maxPaddedTokens` (memory),
 * or when the next, longer row would make it pad too much (compute).
 *
 * Why a padding budget and not count alone: with real passage lengths (10–170 word pieces in one
 * indexer window of ~128 passages) sorted batches of 32 still spanned e.g. 10–39 or 108–169
 * tokens, and 26 % of the computed tokens were padding. ORT-web WASM costs no more CPU per row in
 * batches of 1–8 than of 32 (measured on the synthetic MiniLM), so cutting batches earlier costs
 * next to nothing and saves the waste.
 * The budget is per batch, `padded ≤ (1 + paddingRatio) × real + paddingSlack`, so the padding
 * share of any plan is bounded (≤ ~9 % plus the slack); the slack lets runs of short rows, where
 * ±10 % is a token or two, still fill a batch.
 *
 * Results do not depend on the plan: every row is pooled over its own tokens only (masked mean).
 */

export interface Batch {
	/** Positions of the batch's rows in the caller's input order. */
	indices: number[];
	/** Token ids per row, unpadded. */
	rows: number[][];
}

export interface BatchLimits {
	/** Rows per batch. */
	maxRows: number;
	/** Cap on rows × longest row, which bounds the activations (and WASM heap) of one call. */
	maxPaddedTokens?: number;
	/** Allowed padding relative to the batch's real tokens. */
	paddingRatio?: number;
	/** Padded tokens allowed per batch on top of the ratio. */
	paddingSlack?: number;
}

/** 32 rows of the model's 256 tokens: what a count-only batch of 32 could already reach. */
export const MAX_PADDED_TOKENS = 32 * 256;
/**
 * Padded tokens of one indexing call: about half a second of one WASM thread on the 2-core
 * reference machine (fp32 MiniLM in Node, ~650 padded tokens/s: 4 × 82 took 0.48 s, 1 × 256
 * 0.53 s), so a query never waits longer than that behind indexing. It also bounds the WASM heap,
 * which never shrinks (one 32 × 256 call took 14 s and grew the process by ~300 MB). A passage
 * longer than this still gets a call of its own.
 */
export const INDEX_CALL_TOKENS = 320;
export const PADDING_RATIO = 0.1;
export const PADDING_SLACK = 16;

/**
 * Plans batches over row lengths: returns the input positions of each batch, shortest rows
 * first, every position exactly once. Pure; the same lengths always give the same plan.
 * A row longer than `maxPaddedTokens` still gets a batch of its own (it cannot be split).
 */
export function planBatchesByLength(lengths: readonly number[], limits: BatchLimits): number[][] {
	const maxRows = Math.max(1, Math.floor(limits.maxRows));
	const maxPadded = limits.maxPaddedTokens ?? MAX_PADDED_TOKENS;
	const ratio = limits.paddingRatio ?? PADDING_RATIO;
	const slack = limits.paddingSlack ?? PADDING_SLACK;
	const order = lengths.map((_, i) => i).sort((a, b) => lengths[a] - lengths[b] || a - b);
	const batches: number[][] = [];
	let current: number[] = [];
	let real = 0;
	for (const i of order) {
		const length = lengths[i];
		// Sorted ascending, so the new row is the batch's longest and sets the padded width.
		const rows = current.length + 1;
		const padded = rows * length;
		const fits = rows <= maxRows && padded <= maxPadded && padded <= (1 + ratio) * (real + length) + slack;
		if (current.length > 0 && !fits) {
			batches.push(current);
			current = [];
			real = 0;
		}
		current.push(i);
		real += length;
	}
	if (current.length > 0) batches.push(current);
	return batches;
}

/** Batches of token-id rows (see planBatchesByLength); `limits` as a number is `maxRows`. */
export function planBatches(tokenized: readonly number[][], limits: number | BatchLimits): Batch[] {
	const l = typeof limits === 'number' ? { maxRows: limits } : limits;
	return planBatchesByLength(
		tokenized.map((row) => row.length),
		l,
	).map((indices) => ({ indices, rows: indices.map((i) => tokenized[i]) }));
}

/** Right-pads rows to the longest one: [batch * seq] ids, plus the real length of each row. */
export function padRows(rows: readonly number[][], padId: number): { ids: BigInt64Array; lengths: number[]; seq: number } {
	const seq = Math.max(...rows.map((r) => r.length));
	const ids = new BigInt64Array(rows.length * seq).fill(BigInt(padId));
	rows.forEach((row, b) => row.forEach((id, s) => (ids[b * seq + s] = BigInt(id))));
	return { ids, lengths: rows.map((r) => r.length), seq };
}
