import { findAnswer } from '../core/answer/find-answer';
import type { EmbeddingEngine } from '../core/embedding/types';
import { indexWindow, type WindowEngine } from '../core/index/index-window';
import { releaseModelBytes } from './release-model-bytes';
import type { InitOptions, RequestType, WindowChange, WindowProgress, WorkerRequest, WorkerResponse } from './protocol';

export interface WorkerHandlerDeps {
	/**
	 * Loads the model; the worker entry passes the real engine, tests a FakeEmbedder. The handler
	 * owns an init's files (a worker receives them by transfer) and frees them once this settles.
	 */
	createEngine: (init: InitOptions) => Promise<EmbeddingEngine>;
	/** Posts a window's progress after each batch (the worker entry: postMessage). */
	progress?: (message: WindowProgress) => void;
}

const TYPES: readonly RequestType[] = ['init', 'index-window', 'pause', 'resume', 'cancel', 'embed', 'answer', 'dispose'];
const CHANGES: readonly RequestType[] = ['pause', 'resume', 'cancel'];

function errorOf(err: unknown): { name: string; message: string } {
	if (err instanceof Error) return { name: err.name, message: err.message };
	return { name: 'Error', message: String(err) };
}

function isNote(n: unknown): boolean {
	const note = n as Record<string, unknown> | null | undefined;
	return !!note && typeof note.path === 'string' && typeof note.title === 'string' && typeof note.markdown === 'string';
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
			if (m.device !== undefined && m.device !== 'wasm' && m.device !== 'webgpu') return { id, problem: 'init device must be wasm or webgpu' };
			break;
		case 'index-window':
			if (!Array.isArray(m.notes) || !m.notes.every(isNote)) return { id, problem: 'index-window needs notes [{path, title, markdown}]' };
			if (!Number.isInteger(m.maxBatch) || (m.maxBatch as number) < 1) return { id, problem: 'index-window needs maxBatch ≥ 1' };
			break;
		case 'embed':
			if (!Array.isArray(m.texts) || !m.texts.every((t) => typeof t === 'string')) return { id, problem: 'embed needs texts: string[]' };
			break;
		case 'answer':
			if (!(m.query instanceof Float32Array) || typeof m.markdown !== 'string' || !Number.isInteger(m.start) || !Number.isInteger(m.end)) {
				return { id, problem: 'answer needs query: Float32Array, markdown, start and end' };
			}
			break;
	}
	if (CHANGES.includes(m.type as RequestType) && typeof m.window !== 'number') return { id, problem: `${m.type} needs the window's id` };
	return msg as WorkerRequest;
}

/** Lets the worker's message loop run, so requests that arrived during a batch are queued first. */
function macrotask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A running window's pause and cancel, set by control messages, read between its batches. */
class WindowState {
	paused = false;
	cancelled = false;
	private waiters: (() => void)[] = [];

	apply(change: WindowChange): void {
		if (change === 'pause') this.paused = true;
		else if (change === 'resume') this.paused = false;
		else this.cancelled = true;
		for (const w of this.waiters.splice(0)) w();
	}

	/** Between batches: lets queued requests go first, waits while paused; false once cancelled. */
	async between(): Promise<boolean> {
		await macrotask();
		while (this.paused && !this.cancelled) await new Promise<void>((resolve) => this.waiters.push(resolve));
		return !this.cancelled;
	}
}

/**
 * The worker's logic as a pure async function, runnable (and tested) in Node: one request in,
 * one response out; it never rejects. Model calls run one at a time in arrival order; a window
 * queues one batch at a time, so a query that arrives during a window is answered before the
 * window's next batch. Control messages (pause, resume, cancel) act at once.
 */
export function createWorkerHandler(deps: WorkerHandlerDeps): (msg: unknown) => Promise<WorkerResponse> {
	let engine: EmbeddingEngine | undefined;
	let tail: Promise<unknown> = Promise.resolve();
	const windows = new Map<number, WindowState>();

	/** Runs `job` after every model call queued before it. */
	const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
		const run = tail.then(job);
		tail = run.catch(() => undefined);
		return run;
	};

	const requireEngine = (): EmbeddingEngine => {
		if (!engine) throw new Error('The embedding worker was not initialised.');
		return engine;
	};

	/** Forgets the engine before disposing it, so a failed dispose never leaves it in use. */
	const releaseEngine = async (): Promise<void> => {
		const old = engine;
		engine = undefined;
		await old?.dispose();
	};

	const runWindow = async (req: Extract<WorkerRequest, { type: 'index-window' }>): Promise<WorkerResponse> => {
		// Registered at once, so a control message sent right after the request finds it.
		const state = new WindowState();
		windows.set(req.id, state);
		try {
			await tail; // an init sent before the window has loaded the engine
			const current = requireEngine();
			const lane: WindowEngine = { tokenizer: current.tokenizer, dim: current.dim, embedWordPieces: (rows) => enqueue(() => current.embedWordPieces(rows)) };
			const outcome = await indexWindow(req.notes, lane, {
				maxBatch: req.maxBatch,
				between: () => state.between(),
				progress: (embedded, total) => deps.progress?.({ id: req.id, type: 'progress', embedded, total }),
			});
			return { id: req.id, ok: true, type: 'index-window', ...outcome };
		} finally {
			windows.delete(req.id);
		}
	};

	const handle = async (req: WorkerRequest): Promise<WorkerResponse> => {
		switch (req.type) {
			case 'init':
				return enqueue(async () => {
					// Re-init (another dtype or model) replaces the engine instead of leaking it.
					await releaseEngine();
					try {
						engine = await deps.createEngine({ files: req.files, dtype: req.dtype, wasmBinary: req.wasmBinary, device: req.device });
					} finally {
						// Loaded or not, the model bytes are no longer needed here.
						releaseModelBytes(req.files);
					}
					const compute = engine.compute ?? { device: 'wasm' };
					return { id: req.id, ok: true, type: 'init', modelKey: engine.modelKey, dim: engine.dim, maxTokens: engine.tokenizer.maxTokens, compute };
				});
			case 'index-window':
				return runWindow(req);
			case 'pause':
			case 'resume':
			case 'cancel':
				// A window that already finished has nothing left to change.
				windows.get(req.window)?.apply(req.type);
				return { id: req.id, ok: true, type: req.type };
			case 'embed':
				return enqueue(async () => {
					const current = requireEngine();
					const dim = current.dim;
					const out = await current.embed(req.texts);
					// Copy into one fresh buffer: it can be transferred, and never aliases WASM memory.
					const flat = new Float32Array(out.length * dim);
					out.forEach((v, i) => {
						if (v.length !== dim) throw new Error(`engine returned ${v.length} values, expected ${dim}`);
						flat.set(v, i * dim);
					});
					return { id: req.id, ok: true, type: 'embed', vectors: flat, count: out.length, dim };
				});
			case 'answer': {
				await tail; // an init sent before has loaded the engine
				const current = requireEngine();
				// One model call at a time, each queued behind any query that arrived meanwhile.
				const lane = { tokenizer: current.tokenizer, embedWordPieces: (rows: readonly (readonly number[])[]) => enqueue(() => current.embedWordPieces(rows)) };
				const answer = await findAnswer(lane, req.query, req, async () => {
					await macrotask();
					return true;
				});
				return { id: req.id, ok: true, type: 'answer', answer: answer ?? null };
			}
			case 'dispose':
				return enqueue(async () => {
					await releaseEngine();
					return { id: req.id, ok: true, type: 'dispose' };
				});
		}
	};

	return async (msg: unknown) => {
		const parsed = parse(msg);
		if ('problem' in parsed) return { id: parsed.id, ok: false, type: 'unknown', error: { name: 'ProtocolError', message: parsed.problem } };
		try {
			return await handle(parsed);
		} catch (err) {
			return { id: parsed.id, ok: false, type: parsed.type, error: errorOf(err) };
		}
	};
}
