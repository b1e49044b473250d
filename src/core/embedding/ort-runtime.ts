/**
 * Sets up ONNX Runtime Web (one thread) and registers it where transformers.js looks for a
 * runtime, BEFORE transformers.js is evaluated. This gives every host — Node tests, the CLI,
 * the plugin's worker, Obsidian's renderer — the same backend, and keeps transformers.js from
 * choosing onnxruntime-node (Obsidian looks like Node to it) or pointing ORT at a CDN.
 *
 * Two builds of ORT-web: the plain WASM one, and the WebGPU one (its "asyncify" WASM carries the
 * WebGPU execution provider but runs the CPU path slower, so WASM users never get it). A realm runs
 * one of them: transformers.js reads the registered runtime once, when it is first evaluated.
 */
import * as ortWasm from 'onnxruntime-web/wasm';
import * as ortWebGpu from 'onnxruntime-web/webgpu';
import type { Device } from './types';

const ORT_SYMBOL = Symbol.for('onnxruntime');
/** Which build is registered in this realm. */
const ORT_DEVICE = Symbol.for('semantic-note-search.ort-device');

export type OrtModule = typeof ortWasm;

const BUILDS: Record<Device, OrtModule> = { wasm: ortWasm, webgpu: ortWebGpu };

/** The bytes each build needs (shipped inside the plugin's worker, read from node_modules in Node). */
export const ORT_WASM_FILE: Record<Device, string> = { wasm: 'ort-wasm-simd-threaded.wasm', webgpu: 'ort-wasm-simd-threaded.asyncify.wasm' };

type Realm = Record<symbol, unknown>;

/**
 * Configures and registers the runtime for `device` once per JavaScript realm. `wasmBinary` is the
 * content of that build's WASM file (ORT_WASM_FILE); it is only needed before the first model
 * session, since ORT instantiates its WASM module once per realm (a tokenizer alone needs none).
 */
export function registerOrtRuntime(wasmBinary?: Uint8Array | ArrayBuffer, device: Device = 'wasm'): OrtModule {
	const realm = globalThis as Realm;
	const registeredDevice = (realm[ORT_DEVICE] as Device | undefined) ?? (realm[ORT_SYMBOL] ? 'wasm' : undefined);
	if (registeredDevice !== undefined && registeredDevice !== device) {
		throw new Error(`ONNX Runtime for ${registeredDevice} is already loaded here; ${device} needs a fresh worker.`);
	}
	const runtime = (realm[ORT_SYMBOL] as OrtModule | undefined) ?? BUILDS[device];
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
	realm[ORT_SYMBOL] = runtime;
	realm[ORT_DEVICE] = device;
	return runtime;
}

/** Throws a clear error if no model session can start because the WASM bytes were never given. */
export function assertWasmBinary(runtime: OrtModule, device: Device = 'wasm'): void {
	if (!runtime.env.wasm.wasmBinary) {
		throw new Error(`ONNX Runtime needs the bytes of ${ORT_WASM_FILE[device]}: pass \`wasmBinary\` to createEngine (Node: nodeWasmBinary()).`);
	}
}
