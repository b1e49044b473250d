import type { ModelFiles } from '../../core/embedding/model-files';
import { requiredFiles } from '../../core/embedding/model-manifest';
import { readRequired } from '../../core/embedding/read-model';
import type { Device, Dtype } from '../../core/embedding/types';
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
async function startWorker(files: ModelFiles, dtype: Dtype, device: Device): Promise<WorkerClient> {
	const bytes = Object.fromEntries(await readRequired(files, requiredFiles(dtype)));
	const handle = await startEmbeddingWorker();
	// Terminating through the handle also revokes the worker's Blob URL.
	const port = { ...workerPort(handle.worker), terminate: () => handle.terminate() };
	try {
		return await WorkerClient.start(port, { files: bytes, dtype, device });
	} catch (error) {
		handle.terminate();
		throw error;
	}
}

/**
 * The pool of embedding workers: `threads()` of them while indexing, one otherwise. On WebGPU the
 * pool keeps one worker: the workers would share one GPU, so more only cost memory.
 */
export async function loadWorkerEngine(files: ModelFiles, dtype: Dtype, threads: () => number, device: Device = 'wasm'): Promise<EngineHandle> {
	const size = device === 'webgpu' ? () => 1 : threads;
	const pool = await WorkerPool.start({ start: () => startWorker(files, dtype, device), size });
	return { embedder: pool, windows: pool.windows, parallelWindows: pool.parallelWindows, compute: pool.compute, answer: pool.answer, dispose: () => pool.dispose() };
}
