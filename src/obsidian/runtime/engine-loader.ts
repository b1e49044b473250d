import type { Dtype } from '../../core/embedding/types';
import type { ModelFiles } from '../../core/embedding/model-files';
import type { EngineHandle } from '../../core/session/engine-handle';

export type EngineLoader = (files: ModelFiles, dtype: Dtype) => Promise<EngineHandle>;

/** The plugin's engine: the model runs in the embedding worker, whose code is imported only when first needed. */
export const workerEngineLoader: EngineLoader = async (files, dtype) => {
	const { loadWorkerEngine } = await import('./worker-engine');
	return loadWorkerEngine(files, dtype);
};
