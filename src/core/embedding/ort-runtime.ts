/**
 * Sets up ONNX Runtime Web (WASM, one thread) and registers it where transformers.js looks for a
 * runtime, BEFORE transformers.js is evaluated. This gives every host — Node tests, the CLI,
 * the plugin's worker, Obsidian's renderer — the same backend, and keeps transformers.js from
 * choosing onnxruntime-node (Obsidian looks like Node to it) or pointing ORT at a CDN.
 */
import * as ort from 'onnxruntime-web/wasm';

const ORT_SYMBOL = Symbol.for('onnxruntime');

type OrtModule = typeof ort;

function registered(): OrtModule | undefined {
	return (globalThis as Record<symbol, unknown>)[ORT_SYMBOL] as OrtModule | undefined;
}

/**
 * Configures and registers the WASM runtime once per JavaScript realm. `wasmBinary` is the
 * content of onnxruntime-web's `ort-wasm-simd-threaded.wasm` (read from node_modules in Node,
 * inlined by esbuild in the plugin); it is only needed before the first model session, since
 * ORT instantiates its WASM module once per realm (a tokenizer alone needs none).
 */
export function registerOrtRuntime(wasmBinary?: Uint8Array | ArrayBuffer): OrtModule {
	const runtime = registered() ?? ort;
	const wasm = runtime.env.wasm;
	if (wasmBinary) wasm.wasmBinary = wasmBinary;
	// One thread: Obsidian is not cross-origin isolated (no SharedArrayBuffer), and the plugin must
	// leave cores to the app. No proxy worker: we already run in our own worker when it matters.
	wasm.numThreads = 1;
	wasm.proxy = false;
	// transformers.js fills an unset `wasmPaths` with a jsDelivr URL at import time. The glue code is
	// bundled and the binary is given as bytes, so no path is ever needed: an empty prefix object
	// keeps the CDN out.
	if (!wasm.wasmPaths) wasm.wasmPaths = {};
	(globalThis as Record<symbol, unknown>)[ORT_SYMBOL] = runtime;
	return runtime;
}

/** Throws a clear error if no model session can start because the WASM bytes were never given. */
export function assertWasmBinary(runtime: OrtModule): void {
	if (!runtime.env.wasm.wasmBinary) {
		throw new Error('ONNX Runtime needs the bytes of ort-wasm-simd-threaded.wasm: pass `wasmBinary` to createEngine (Node: nodeWasmBinary()).');
	}
}
