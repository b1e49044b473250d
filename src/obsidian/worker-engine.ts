import type { ModelFiles } from '../core/embedding/model-files';
import type { Dtype } from '../core/embedding/types';
import type { EngineHandle } from './runtime';

/** Loads the model into the embedding worker. Wired once the worker client lands (src/worker). */
export function loadWorkerEngine(_files: ModelFiles, _dtype: Dtype): Promise<EngineHandle> {
	return Promise.reject(new Error('The embedding worker is not part of this build yet.'));
}
