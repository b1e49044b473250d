/**
 * Messages between the plugin (main thread) and the embedding worker. Every request carries an
 * id that its response repeats; failures come back as `ok: false` responses, never as throws.
 */
import type { AnswerPassage, PassageAnswer } from '../core/answer/types';
import type { ComputeInfo, Device, Dtype } from '../core/embedding/types';
import type { WindowOutcome } from '../core/index/index-window';
import type { NoteInput } from '../core/text/passage';
import { ownsWholeBuffer } from '../core/embedding/whole-buffer';

/** What the worker needs to load the model: the files' bytes, since it cannot read the vault. */
export interface InitOptions {
	/** Model files keyed by relative path ('config.json', 'tokenizer.json', 'onnx/model.onnx', …). */
	files: Record<string, Uint8Array>;
	dtype: Dtype;
	/** ORT's WASM binary for `device`; the bundled worker carries its own, so this is optional. */
	wasmBinary?: Uint8Array;
	/** Where the model runs (default 'wasm'); a worker runs one device for its whole life. */
	device?: Device;
}

export type WorkerRequest =
	| ({ id: number; type: 'init' } & InitOptions)
	/**
	 * Chunk and embed a window of notes (`indexWindow`): the text crosses once, each passage is
	 * tokenized once, and passages come back with their vectors. Queries ('embed') that arrive
	 * meanwhile are answered between its batches.
	 */
	| { id: number; type: 'index-window'; notes: NoteInput[]; maxBatch: number }
	/** Holds, continues or stops the running window `window` before its next batch. */
	| { id: number; type: WindowChange; window: number }
	/** Embed query texts (search), ahead of any indexing batch. */
	| { id: number; type: 'embed'; texts: string[] }
	/** The answer sentences of one result's passage for an embedded query (`findAnswer`); queries sent meanwhile go first. */
	| ({ id: number; type: 'answer'; query: Float32Array } & AnswerPassage)
	| { id: number; type: 'dispose' };

export type WindowChange = 'pause' | 'resume' | 'cancel';

export type RequestType = WorkerRequest['type'];

export interface WorkerError {
	/** Error class name, e.g. 'ChunkingError', 'ModelNotAvailableError'. */
	name: string;
	message: string;
}

export type WorkerResponse =
	| { id: number; ok: true; type: 'init'; modelKey: string; dim: number; maxTokens: number; compute: ComputeInfo }
	/** The notes' passages with their vectors, all in one buffer that is transferred. */
	| ({ id: number; ok: true; type: 'index-window' } & WindowOutcome)
	| { id: number; ok: true; type: WindowChange }
	/** `count` vectors of `dim` floats, row-major in one buffer that is transferred, not copied. */
	| { id: number; ok: true; type: 'embed'; vectors: Float32Array; count: number; dim: number }
	| { id: number; ok: true; type: 'answer'; answer: PassageAnswer | null }
	| { id: number; ok: true; type: 'dispose' }
	| { id: number; ok: false; type: RequestType | 'unknown'; error: WorkerError };

/** Sent by the worker after each batch of window `id`, before the window's response. */
export interface WindowProgress {
	id: number;
	type: 'progress';
	embedded: number;
	total: number;
}

/** Buffers to transfer with a response: the single vector buffer of an embed or window result. */
export function transferablesOf(response: WorkerResponse): Transferable[] {
	return response.ok && (response.type === 'embed' || response.type === 'index-window') ? [response.vectors.buffer as ArrayBuffer] : [];
}

/** Buffers to transfer with a request: model files that own their whole buffer (others are copied). */
export function requestTransferables(request: WorkerRequest): Transferable[] {
	if (request.type !== 'init') return [];
	const seen = new Set<ArrayBufferLike>();
	const views = [...Object.values(request.files), ...(request.wasmBinary ? [request.wasmBinary] : [])];
	for (const v of views) {
		if (ownsWholeBuffer(v)) seen.add(v.buffer);
	}
	return [...seen] as ArrayBuffer[];
}
