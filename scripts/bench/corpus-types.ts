/** The passages every embedding part runs on, written once by corpus.ts so all see the same input. */
export interface Corpus {
	/** In vault order, as the indexer meets them; `ids` are the model input incl. [CLS]/[SEP]. */
	passages: { text: string; ids: number[] }[];
	/** Our batching (length-sorted, ≤ 32) as lists of passage indices. */
	sortedBatches: number[][];
	/** Peer-style batching: consecutive groups of 32 in vault order. */
	naiveBatches: number[][];
	notes: number;
}

/** What every embedding part reports. */
export interface EmbedResult {
	backend: string;
	/** Real (non-padding) model-input tokens embedded, incl. [CLS]/[SEP]. */
	wordPieces: number;
	passages: number;
	seconds: number;
	wordPiecesPerSecond: number;
	loadSeconds: number;
}
