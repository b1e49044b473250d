import type { ModelFiles } from '../../core/embedding/model-files';
import { requiredFiles } from '../../core/embedding/model-manifest';
import { readRequired } from '../../core/embedding/read-model';
import type { Dtype } from '../../core/embedding/types';
import { workerPort } from '../../worker/port';
import { WorkerClient } from '../../worker/worker-client';
import type { EngineHandle } from '../../core/session/engine-handle';
import { startEmbeddingWorker } from './worker-factory';

/**
 * Reads the model files on the main thread (the worker cannot reach the file system or the
 * vault), then starts the worker and transfers the bytes to it. A missing file fails here, before
 * any worker starts, with the core's user-facing ModelNotAvailableError.
 */
export async function loadWorkerEngine(files: ModelFiles, dtype: Dtype): Promise<EngineHandle> {
	const bytes = Object.fromEntries(await readRequired(files, requiredFiles(dtype)));
	const handle = startEmbeddingWorker();
	let client: WorkerClient;
	try {
		client = await WorkerClient.start(workerPort(handle.worker), { files: bytes, dtype });
	} catch (error) {
		handle.terminate();
		throw error;
	}
	return {
		embedder: client,
		windows: client.windows,
		answer: client.answer,
		// Terminating frees the model and the WASM heap at once; no need to ask the worker politely.
		dispose: () => {
			client.terminate();
			handle.terminate();
			return Promise.resolve();
		},
	};
}
