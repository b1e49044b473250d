import type { ModelFiles } from '../core/embedding/model-files';
import type { Dtype, Embedder } from '../core/embedding/types';
import type { Chunker } from '../core/index/chunker-port';
import { expectedMeta } from '../core/index/model-key';
import type { VectorStore } from '../core/index/types';
import { SearchIndex } from '../core/search/search-index';

/** A loaded model: the embedder, the chunker that matches its tokenizer, and how to stop both. */
export interface EngineHandle {
	embedder: Embedder;
	chunk: Chunker;
	/** Terminates the worker (if any) and frees the model. */
	dispose(): Promise<void>;
}

export type EngineLoader = (files: ModelFiles, dtype: Dtype) => Promise<EngineHandle>;

/** The plugin's engine: the model runs in the embedding worker, whose code is imported only when first needed. */
export const workerEngineLoader: EngineLoader = async (files, dtype) => {
	const { loadWorkerEngine } = await import('./worker-engine');
	return loadWorkerEngine(files, dtype);
};

/**
 * Loads the model, then the store's vectors into a search index: everything but the indexer.
 * Fails (with no worker left running) when the plugin was unloaded meanwhile or the store cannot
 * be read.
 */
export async function openEngine(
	load: () => Promise<EngineHandle>,
	store: () => VectorStore,
	isDisposed: () => boolean,
): Promise<{ engine: EngineHandle; store: VectorStore; searchIndex: SearchIndex }> {
	const engine = await load();
	if (isDisposed()) {
		await engine.dispose();
		throw new Error('The plugin was unloaded while the model loaded.');
	}
	const opened = store();
	try {
		// Vectors of another model or chunking are useless for this one; the indexer rebuilds them.
		const meta = await opened.getMeta();
		const valid = meta !== undefined && meta.modelKey === expectedMeta(engine.embedder.modelKey).modelKey;
		return { engine, store: opened, searchIndex: SearchIndex.fromRecords(engine.embedder.dim, valid ? await opened.all() : []) };
	} catch (error) {
		await engine.dispose(); // no worker may outlive a failed start
		throw error;
	}
}
