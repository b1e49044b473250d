// The only module that imports the inlined worker bundle; it is loaded lazily (dynamic import) so
// unit tests, which inject their own embedder, never resolve 'virtual:embedding-worker'.
import carrier from 'virtual:embedding-worker';
import { workerScriptChunks } from './worker-carrier';

export interface WorkerHandle {
	worker: Worker;
	/** Terminates the worker and frees its script URL. */
	terminate(): void;
}

/**
 * The worker script as a Blob, made once, a megabyte at a time with a pause between: in one go,
 * turning the 14 MB text into a Blob blocks the app for about 150 ms, and the pool starts workers
 * again at each indexing run. It goes with the plugin's module when the plugin is disabled.
 */
let script: Promise<Blob> | undefined;
async function makeScript(): Promise<Blob> {
	let blob = new Blob([], { type: 'text/javascript' });
	for (const chunk of workerScriptChunks(String(carrier))) {
		blob = new Blob([blob, chunk], { type: 'text/javascript' });
		await new Promise((resolve) => window.setTimeout(resolve, 0));
	}
	return blob;
}

/**
 * Starts the embedding worker from the inlined source. Obsidian plugins ship a single main.js,
 * so the worker cannot be a separate file: it runs from a Blob URL, revoked when terminated
 * (revoking earlier could race the browser's fetch of the script).
 */
export async function startEmbeddingWorker(): Promise<WorkerHandle> {
	const url = URL.createObjectURL(await (script ??= makeScript()));
	const worker = new Worker(url, { name: 'semantic-note-search-embedder' });
	return {
		worker,
		terminate() {
			worker.terminate();
			URL.revokeObjectURL(url);
		},
	};
}
