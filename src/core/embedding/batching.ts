/**
 * Groups texts into model batches: sorted by token count so little compute goes to padding, and
 * capped in size because one oversized WASM batch can exhaust the heap and break later batches.
 */

export interface Batch {
	/** Positions of the batch's rows in the caller's input order. */
	indices: number[];
	/** Token ids per row, unpadded. */
	rows: number[][];
}

export function planBatches(tokenized: readonly number[][], batchSize: number): Batch[] {
	const size = Math.max(1, Math.floor(batchSize));
	const order = tokenized.map((_, i) => i).sort((a, b) => tokenized[a].length - tokenized[b].length || a - b);
	const batches: Batch[] = [];
	for (let start = 0; start < order.length; start += size) {
		const indices = order.slice(start, start + size);
		batches.push({ indices, rows: indices.map((i) => tokenized[i]) });
	}
	return batches;
}

/** Right-pads rows to the longest one: [batch * seq] ids, plus the real length of each row. */
export function padRows(rows: readonly number[][], padId: number): { ids: BigInt64Array; lengths: number[]; seq: number } {
	const seq = Math.max(...rows.map((r) => r.length));
	const ids = new BigInt64Array(rows.length * seq).fill(BigInt(padId));
	rows.forEach((row, b) => row.forEach((id, s) => (ids[b * seq + s] = BigInt(id))));
	return { ids, lengths: rows.map((r) => r.length), seq };
}
