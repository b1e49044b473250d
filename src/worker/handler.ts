import type { EmbeddingEngine } from '../core/embedding/types';
import { chunkNote } from '../core/text/chunker';
import type { InitOptions, RequestType, WorkerRequest, WorkerResponse } from './protocol';

export interface WorkerHandlerDeps {
	/** Loads the model; the worker entry passes the real engine, tests a FakeEmbedder. */
	createEngine: (init: InitOptions) => Promise<EmbeddingEngine>;
}

const TYPES: readonly RequestType[] = ['init', 'chunk', 'embed', 'dispose'];

function errorOf(err: unknown): { name: string; message: string } {
	if (err instanceof Error) return { name: err.name, message: err.message };
	return { name: 'Error', message: String(err) };
}

/** Checks the shape of an incoming message; the worker may be sent anything. */
function parse(msg: unknown): WorkerRequest | { id: number; problem: string } {
	if (typeof msg !== 'object' || msg === null) return { id: -1, problem: 'message is not an object' };
	const m = msg as Record<string, unknown>;
	const id = typeof m.id === 'number' ? m.id : -1;
	if (typeof m.type !== 'string' || !TYPES.includes(m.type as RequestType)) return { id, problem: `unknown request type ${String(m.type)}` };
	if (id < 0) return { id, problem: 'request without id' };
	switch (m.type) {
		case 'init':
			if (typeof m.files !== 'object' || m.files === null || (m.dtype !== 'fp32' && m.dtype !== 'q8')) return { id, problem: 'init needs files and dtype' };
			break;
		case 'chunk': {
			const n = m.note as Record<string, unknown> | null | undefined;
			if (!n || typeof n.path !== 'string' || typeof n.title !== 'string' || typeof n.markdown !== 'string') return { id, problem: 'chunk needs note {path, title, markdown}' };
			break;
		}
		case 'embed':
			if (!Array.isArray(m.texts) || !m.texts.every((t) => typeof t === 'string')) return { id, problem: 'embed needs texts: string[]' };
			break;
	}
	return msg as WorkerRequest;
}

/**
 * The worker's logic as a pure async function, runnable (and tested) in Node: one request in,
 * one response out, requests processed one at a time in arrival order. It never rejects.
 */
export function createWorkerHandler(deps: WorkerHandlerDeps): (msg: unknown) => Promise<WorkerResponse> {
	let engine: EmbeddingEngine | undefined;
	let tail: Promise<unknown> = Promise.resolve();

	/** Forgets the engine before disposing it, so a failed dispose never leaves it in use. */
	const releaseEngine = async (): Promise<void> => {
		const old = engine;
		engine = undefined;
		await old?.dispose();
	};

	const handle = async (req: WorkerRequest): Promise<WorkerResponse> => {
		switch (req.type) {
			case 'init': {
				// Re-init (another dtype or model) replaces the engine instead of leaking it.
				await releaseEngine();
				engine = await deps.createEngine({ files: req.files, dtype: req.dtype, wasmBinary: req.wasmBinary });
				return { id: req.id, ok: true, type: 'init', modelKey: engine.modelKey, dim: engine.dim, maxTokens: engine.tokenizer.maxTokens };
			}
			case 'chunk': {
				if (!engine) throw new Error('The embedding worker was not initialised.');
				return { id: req.id, ok: true, type: 'chunk', passages: chunkNote(req.note, engine.tokenizer) };
			}
			case 'embed': {
				if (!engine) throw new Error('The embedding worker was not initialised.');
				const dim = engine.dim;
				const out = await engine.embed(req.texts);
				// Copy into one fresh buffer: it can be transferred, and never aliases WASM memory.
				const flat = new Float32Array(out.length * dim);
				out.forEach((v, i) => {
					if (v.length !== dim) throw new Error(`engine returned ${v.length} values, expected ${dim}`);
					flat.set(v, i * dim);
				});
				return { id: req.id, ok: true, type: 'embed', vectors: flat, count: out.length, dim };
			}
			case 'dispose': {
				await releaseEngine();
				return { id: req.id, ok: true, type: 'dispose' };
			}
		}
	};

	return (msg: unknown) => {
		const parsed = parse(msg);
		if ('problem' in parsed) {
			return Promise.resolve({ id: parsed.id, ok: false, type: 'unknown', error: { name: 'ProtocolError', message: parsed.problem } });
		}
		const run = tail.then(() => handle(parsed)).catch((err: unknown): WorkerResponse => ({ id: parsed.id, ok: false, type: parsed.type, error: errorOf(err) }));
		tail = run;
		return run;
	};
}
