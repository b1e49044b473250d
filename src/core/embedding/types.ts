/** Numeric precision of the ONNX weights: fp32 matches Python; q8 is smaller and drifts ~0.01–0.03. */
export type Dtype = 'fp32' | 'q8';

/** Where the model runs: ONNX Runtime's WASM backend (CPU, one thread) or its WebGPU backend. */
export type Device = 'wasm' | 'webgpu';

/** The device a loaded model really runs on, and for WebGPU the adapter ORT was given. */
export interface ComputeInfo {
	device: Device;
	/** "google swiftshader", "nvidia ampere", …: the adapter's vendor and architecture. */
	adapter?: string;
}

/** Word-piece tokenizer of the model, with sentence-transformers' truncation rule. */
export interface Tokenizer {
	/** Word-piece ids of `text`, without [CLS]/[SEP], never truncated. */
	wordPieces(text: string): number[];
	/** Number of word pieces of `text` (no special tokens). */
	countWordPieces(text: string): number;
	/** The ids the model sees: [CLS] + the first `maxTokens - 2` word pieces + [SEP]. */
	modelInput(text: string): number[];
	readonly maxTokens: number;
}

/** Turns texts into L2-normalised sentence embeddings, independent of how they are batched. */
export interface Embedder {
	/** Identifies model, revision and dtype; a change of key invalidates stored vectors. */
	readonly modelKey: string;
	readonly dim: number;
	embed(texts: readonly string[]): Promise<Float32Array[]>;
	dispose(): Promise<void>;
}

/** A loaded model: its tokenizer plus the embedder running it. */
export interface EmbeddingEngine extends Embedder {
	readonly tokenizer: Tokenizer;
	/** Where it runs; absent means WASM (fakes in tests). */
	readonly compute?: ComputeInfo;
	/**
	 * Embeds rows of word pieces (`tokenizer.wordPieces`, truncated here like `modelInput`) in one
	 * model call, so text tokenized once (by the chunker) is not tokenized again; the caller plans
	 * the batch.
	 */
	embedWordPieces(rows: readonly (readonly number[])[]): Promise<Float32Array[]>;
}
