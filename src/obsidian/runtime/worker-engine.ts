import type { ModelFiles } from '../../core/embedding/model-files';
import { requiredFiles } from '../../core/embedding/model-manifest';
import { readRequired } from '../../core/embedding/read-model';
import type { Dtype } from '../../core/embedding/types';
import { workerPort } from '../../worker/port';
import { WorkerClient } from '../../worker/worker-client';
import { WorkerPool } from '../../worker/worker-pool';
import type { EngineHandle } from '../../core/session/engine-handle';
import { startEmbeddingWorker } from './worker-factory';

/**
 * Starts one embedding worker: reads the model files on the main thread (the worker cannot reach
 * the file system or the vault) and transfers the bytes, so the main thread keeps no copy between
 * workers. A missing file fails here, before the worker starts, with the core's
 * user-facing ModelNotAvailableError.
 */
async function startWorker(files: ModelFiles, dtype: Dtype): Promise<WorkerClient> {
	const bytes = Object.fromEntries(await readRequired(files, requiredFiles(dtype)));
	const handle = startEmbeddingWorker();
	// Terminating through the handle also revokes the worker's Blob URL.
	const port = { ...workerPort(handle.worker), terminate: () => handle.terminate() };
	try {
		return await WorkerClient.start(port, { files: bytes, dtype });
	} catch (error) {
		handle.terminate();
		throw error;
	}
}

/** The pool of embedding workers: `threads()` of them while indexing, one otherwise. */
export async function loadWorkerEngine(files: ModelFiles, dtype: Dtype, threads: () => number): Promise<EngineHandle> {
	const pool = await WorkerPool.start({ start: () => startWorker(files, dtype), size: threads });
	return { embedder: pool, windows: pool.windows, parallelWindows: pool.parallelWindows, dispose: () => pool.dispose() };
}
