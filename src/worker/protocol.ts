/**
 * Messages between the plugin (main thread) and the embedding worker. Every request carries an
 * id that its response repeats; failures come back as `ok: false` responses, never as throws.
 */
import type { Dtype } from '../core/embedding/types';
import type { NoteInput, Passage } from '../core/text/passage';

/** What the worker needs to load the model: the files' bytes, since it cannot read the vault. */
export interface InitOptions {
	/** Model files keyed by relative path ('config.json', 'tokenizer.json', 'onnx/model.onnx', …). */
	files: Record<string, Uint8Array>;
	dtype: Dtype;
	/** ort-wasm-simd-threaded.wasm; the bundled worker carries its own, so this is optional. */
	wasmBinary?: Uint8Array;
}

export type WorkerRequest =
	| ({ id: number; type: 'init' } & InitOptions)
	/** Chunk a note in the worker, so tokenizing a 5 MB note does not stall the UI. */
	| { id: number; type: 'chunk'; note: NoteInput }
	| { id: number; type: 'embed'; texts: string[] }
	| { id: number; type: 'dispose' };

export type RequestType = WorkerRequest['type'];

export interface WorkerError {
	/** Error class name, e.g. 'ChunkingError', 'ModelNotAvailableError'. */
	name: string;
	message: string;
}

export type WorkerResponse =
	| { id: number; ok: true; type: 'init'; modelKey: string; dim: number; maxTokens: number }
	| { id: number; ok: true; type: 'chunk'; passages: Passage[] }
	/** `count` vectors of `dim` floats, row-major in one buffer that is transferred, not copied. */
	| { id: number; ok: true; type: 'embed'; vectors: Float32Array; count: number; dim: number }
	| { id: number; ok: true; type: 'dispose' }
	| { id: number; ok: false; type: RequestType | 'unknown'; error: WorkerError };

/** Buffers to transfer with a response: the embed result's single buffer. */
export function transferablesOf(response: WorkerResponse): Transferable[] {
	return response.ok && response.type === 'embed' ? [response.vectors.buffer as ArrayBuffer] : [];
}

/** Buffers to transfer with a request: model files that own their whole buffer (others are copied). */
export function requestTransferables(request: WorkerRequest): Transferable[] {
	if (request.type !== 'init') return [];
	const seen = new Set<ArrayBufferLike>();
	const views = [...Object.values(request.files), ...(request.wasmBinary ? [request.wasmBinary] : [])];
	for (const v of views) {
		if (v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && v.buffer instanceof ArrayBuffer) seen.add(v.buffer);
	}
	return [...seen] as ArrayBuffer[];
}
