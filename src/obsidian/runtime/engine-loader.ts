import type { Device, Dtype } from '../../core/embedding/types';
import type { ModelFiles } from '../../core/embedding/model-files';
import type { EngineHandle } from '../../core/session/engine-handle';

/** Loads the model in a new worker; `device` defaults to WASM. */
export type EngineLoader = (files: ModelFiles, dtype: Dtype, device?: Device) => Promise<EngineHandle>;

/** The plugin's engine: the model runs in the embedding worker, whose code is imported only when first needed. */
export const workerEngineLoader: EngineLoader = async (files, dtype, device) => {
	const { loadWorkerEngine } = await import('./worker-engine');
	return loadWorkerEngine(files, dtype, device);
};
