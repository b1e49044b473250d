/**
 * Entry of the embedding worker. esbuild.config.mjs bundles it (with transformers.js, ORT-web and
 * its WASM binary inlined) into a string that main.js starts as a Blob-URL worker, because
 * Obsidian installs only main.js: there is no separate file to load.
 */
import wasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm';
import { createEngine } from '../core/embedding/engine';
import { memoryModelFiles } from '../core/embedding/model-files';
import { createWorkerHandler } from './handler';
import { transferablesOf, type WorkerResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const handle = createWorkerHandler({
	createEngine: (init) =>
		createEngine({ files: memoryModelFiles(init.files, 'model files sent by the plugin'), dtype: init.dtype, wasmBinary: init.wasmBinary ?? wasm }),
});

function reply(response: WorkerResponse): void {
	try {
		scope.postMessage(response, transferablesOf(response));
	} catch (err) {
		// A response that cannot be cloned still gets an answer, so the caller never hangs.
		scope.postMessage({ id: response.id, ok: false, type: response.type, error: { name: 'DataCloneError', message: String(err) } });
	}
}

scope.onmessage = (event: MessageEvent) => {
	void handle(event.data).then(reply);
};
