// The only module that imports the inlined worker bundle; it is loaded lazily (dynamic import) so
// unit tests, which inject their own embedder, never resolve 'virtual:embedding-worker'.
import workerSource from 'virtual:embedding-worker';

export interface WorkerHandle {
	worker: Worker;
	/** Terminates the worker and frees its script URL. */
	terminate(): void;
}

/**
 * Starts the embedding worker from the inlined source. Obsidian plugins ship a single main.js,
 * so the worker cannot be a separate file: it runs from a Blob URL, revoked when terminated
 * (revoking earlier could race the browser's fetch of the script).
 */
export function startEmbeddingWorker(): WorkerHandle {
	const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
	const worker = new Worker(url, { name: 'semantic-note-search-embedder' });
	return {
		worker,
		terminate() {
			worker.terminate();
			URL.revokeObjectURL(url);
		},
	};
}
