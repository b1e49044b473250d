/** The passages every embedding part runs on, written once by corpus.ts so all see the same input. */
export interface Corpus {
	/** The notes, for the plugin path: it runs the real Indexer over them. */
	notes: { path: string; markdown: string }[];
	/** Their passages in vault order, as the indexer meets them; `ids` are the model input incl. [CLS]/[SEP]. */
	passages: { text: string; ids: number[] }[];
	/** Length-sorted batches of ≤ 32 over the whole corpus, as passage indices (fallback for native). */
	sortedBatches: number[][];
	/** Peer-style batching: consecutive groups of 32 in vault order. */
	naiveBatches: number[][];
}

/** What every embedding part reports. */
export interface EmbedResult {
	backend: string;
	/** Real (non-padding) model-input tokens embedded, incl. [CLS]/[SEP]. */
	wordPieces: number;
	passages: number;
	seconds: number;
	/** CPU time over the same span (all threads): on a shared machine, wall time alone misleads. */
	cpuSeconds: number;
	wordPiecesPerSecond: number;
	loadSeconds: number;
	/** Model-input lengths of every batch the backend ran, to compute padding from what really ran. */
	batchLengths?: number[][];
	/** Plugin path only: the whole indexing run (read, hash, chunk in the worker, embed, store). */
	indexing?: { seconds: number; cpuSeconds: number; wordPiecesPerSecond: number };
}
