import type { Embedder } from '../embedding/types';
import type { WindowIndexer } from '../index/window-port';

/**
 * A loaded model: the embedder, the window indexer that chunks and embeds with it, and how to stop both.
 * The plugin's runs in the embedding worker; the CLI's and the tests' run in-process.
 */
export interface EngineHandle {
	embedder: Embedder;
	windows: WindowIndexer;
	/** Windows to embed at once (a pool of workers); one when absent. */
	parallelWindows?: () => number;
	/** Frees the model (terminates the worker, if any). */
	dispose(): Promise<void>;
}
