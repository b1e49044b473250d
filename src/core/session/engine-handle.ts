import type { Embedder } from '../embedding/types';
import type { Chunker } from '../index/chunker-port';

/**
 * A loaded model: the embedder, the chunker that matches its tokenizer, and how to stop both.
 * The plugin's runs in the embedding worker; the CLI's and the tests' run in-process.
 */
export interface EngineHandle {
	embedder: Embedder;
	chunk: Chunker;
	/** Frees the model (terminates the worker, if any). */
	dispose(): Promise<void>;
}
