import type { AnswerFinder } from '../answer/types';
import type { ComputeInfo, Embedder } from '../embedding/types';
import type { WindowIndexer } from '../index/window-port';

/**
 * A loaded model: the embedder, the window indexer that chunks and embeds with it, the answer
 * finder, and how to stop them.
 * The plugin's runs in the embedding worker; the CLI's and the tests' run in-process.
 */
export interface EngineHandle {
	embedder: Embedder;
	windows: WindowIndexer;
	/** Windows to embed at once (a pool of workers); one when absent. */
	parallelWindows?: () => number;
	/** Where the model runs; absent means WASM. */
	compute?: ComputeInfo;
	/** Finds the answer sentences of a result's passage with the same model. */
	answer: AnswerFinder;
	/** Frees the model (terminates the worker, if any). */
	dispose(): Promise<void>;
}
