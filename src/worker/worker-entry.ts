/**
 * Entry of the embedding worker. esbuild.config.mjs bundles it (scripts/worker-build.mjs: with
 * transformers.js, ORT-web and its WASM binary inlined, gzipped) into a string that main.js starts
 * as a Blob-URL worker, because Obsidian installs only main.js: there is no separate file to load.
 */
import ortWasmGzip from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?gzip-base64';
import ortWebGpuWasmGzip from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?gzip-base64';
import { createEngine } from '../core/embedding/engine';
import type { Device } from '../core/embedding/types';
import { memoryModelFiles } from '../core/embedding/model-files';
import { createWorkerHandler } from './handler';
import { inflateGzipBase64 } from './inflate-wasm';
import { transferablesOf, type WorkerResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** ORT's WASM binary for each device (the WebGPU build's is its own), inflated here, off the main thread, at the first init that needs it. */
const GZIPPED: Record<Device, string> = { wasm: ortWasmGzip, webgpu: ortWebGpuWasmGzip };
const inflated = new Map<Device, Promise<Uint8Array>>();

function ortBinary(device: Device): Promise<Uint8Array> {
	let bytes = inflated.get(device);
	if (!bytes) inflated.set(device, (bytes = inflateGzipBase64(GZIPPED[device])));
	return bytes;
}

const handle = createWorkerHandler({
	createEngine: async (init) => {
		const device = init.device ?? 'wasm';
		return createEngine({
			files: memoryModelFiles(init.files, 'model files sent by the plugin'),
			dtype: init.dtype,
			device,
			wasmBinary: init.wasmBinary ?? (await ortBinary(device)),
		});
	},
	progress: (message) => scope.postMessage(message),
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
