import type { Dtype } from '../../core/embedding/types';
import type { ModelFiles } from '../../core/embedding/model-files';
import type { EngineHandle } from '../../core/session/engine-handle';

/** `threads()`: embedding workers while indexing (the *Indexing threads* setting as it is now). */
export type EngineLoader = (files: ModelFiles, dtype: Dtype, threads: () => number) => Promise<EngineHandle>;

/** The plugin's engine: the model runs in a pool of embedding workers, whose code is imported only when first needed. */
export const workerEngineLoader: EngineLoader = async (files, dtype, threads) => {
	const { loadWorkerEngine } = await import('./worker-engine');
	return loadWorkerEngine(files, dtype, threads);
};
