import type { Device, Dtype } from '../../core/embedding/types';
import type { ModelFiles } from '../../core/embedding/model-files';
import type { EngineHandle } from '../../core/session/engine-handle';

/**
 * `threads()`: embedding workers while indexing (the *Indexing threads* setting as it is now);
 * `device` defaults to WASM.
 */
export type EngineLoader = (files: ModelFiles, dtype: Dtype, threads: () => number, device?: Device) => Promise<EngineHandle>;

/** The plugin's engine: the model runs in a pool of embedding workers, whose code is imported only when first needed. */
export const workerEngineLoader: EngineLoader = async (files, dtype, threads, device) => {
	const { loadWorkerEngine } = await import('./worker-engine');
	return loadWorkerEngine(files, dtype, threads, device);
};
