import type { AnswerFinder } from '../core/answer/types';
import type { ComputeInfo, Embedder } from '../core/embedding/types';
import { EmbedderUnavailableError } from '../core/index/errors';
import type { WindowOutcome } from '../core/index/index-window';
import type { WindowIndexer } from '../core/index/window-port';
import type { WorkerPort } from './port';
import { type InitOptions, requestTransferables, type WindowProgress, type WorkerRequest, type WorkerResponse } from './protocol';

/** An error raised in the worker, re-thrown on the main thread with its original name. */
export class WorkerRequestError extends Error {
	constructor(
		readonly remoteName: string,
		message: string,
	) {
		super(message);
		this.name = remoteName;
	}
}

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Main-thread side of the embedding worker: an async Embedder (queries) plus a window indexer
 * (one request per window of notes), so the indexer runs unchanged whether the model lives in a
 * worker or in-process.
 *
 * ```ts
 * const client = await WorkerClient.start(workerPort(new Worker(url)), { files, dtype: 'fp32' });
 * const indexer = new Indexer({ source, store, embedder: client, windows: client.windows, ... });
 * // on unload:
 * client.terminate();
 * ```
 */
export class WorkerClient implements Embedder {
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();
	/** Progress listeners of the windows in flight, by request id. */
	private readonly progressOf = new Map<number, (embedded: number, total: number) => void>();
	private broken: Error | undefined;

	private constructor(
		private readonly port: WorkerPort,
		readonly modelKey: string,
		readonly dim: number,
		readonly maxTokens: number,
		/** Where the worker runs the model. */
		readonly compute: ComputeInfo,
	) {}

	/**
	 * Sends the model to the worker and waits until it is loaded. By default the model files'
	 * buffers are transferred (not copied), which leaves them detached on this side.
	 */
	static async start(port: WorkerPort, init: InitOptions, options: { transfer?: boolean } = {}): Promise<WorkerClient> {
		const bootstrap = new WorkerClient(port, '', 0, 0, { device: 'wasm' });
		bootstrap.listen();
		let response: WorkerResponse;
		try {
			response = await bootstrap.request({ type: 'init', ...init }, options.transfer ?? true);
		} catch (err) {
			port.terminate();
			throw err;
		}
		if (!response.ok || response.type !== 'init') {
			port.terminate();
			throw new Error('embedding worker answered init with the wrong response');
		}
		const client = new WorkerClient(port, response.modelKey, response.dim, response.maxTokens, response.compute);
		client.nextId = bootstrap.nextId;
		client.listen();
		return client;
	}

	async embed(texts: readonly string[]): Promise<Float32Array[]> {
		if (texts.length === 0) return [];
		const r = await this.request({ type: 'embed', texts: [...texts] });
		if (!r.ok || r.type !== 'embed' || r.count !== texts.length || r.vectors.length !== r.count * r.dim) {
			throw new Error('embedding worker returned a malformed embed response');
		}
		const out: Float32Array[] = [];
		for (let i = 0; i < r.count; i++) out.push(r.vectors.subarray(i * r.dim, (i + 1) * r.dim));
		return out;
	}

	/**
	 * Chunks and embeds a window of notes in the worker, in one request; pause, resume and cancel
	 * follow as control messages. An arrow property, so `windows: client.windows` works.
	 */
	readonly windows: WindowIndexer = async (notes, control) => {
		const id = this.nextId++;
		if (control.progress) this.progressOf.set(id, control.progress);
		const unwatch = control.watch((change) => {
			// Fire and forget: a window that already finished has nothing left to change.
			this.request({ type: change, window: id }).catch(() => undefined);
		});
		let r: WorkerResponse;
		try {
			const body = { type: 'index-window' as const, notes: notes.map(({ path, title, markdown }) => ({ path, title, markdown })), maxBatch: control.maxBatch };
			r = await this.request(body, false, id);
		} finally {
			unwatch();
			this.progressOf.delete(id);
		}
		if (!r.ok || r.type !== 'index-window' || r.notes.length !== (r.cancelled ? 0 : notes.length) || r.dim !== this.dim) {
			throw new Error('embedding worker returned a malformed window response');
		}
		const outcome: WindowOutcome = { notes: r.notes, vectors: r.vectors, dim: r.dim, embedded: r.embedded, cancelled: r.cancelled };
		return outcome;
	};

	/** The answer sentences of one result's passage, found in the worker. An arrow property, like `windows`. */
	readonly answer: AnswerFinder = async (query, passage) => {
		const r = await this.request({ type: 'answer', query, markdown: passage.markdown, start: passage.start, end: passage.end });
		if (!r.ok || r.type !== 'answer') throw new Error('embedding worker returned a malformed answer response');
		return r.answer ?? undefined;
	};

	/** Releases the model in the worker, then stops the worker. */
	async dispose(): Promise<void> {
		if (this.broken) return;
		try {
			await this.request({ type: 'dispose' });
		} finally {
			this.terminate();
		}
	}

	/** Stops the worker at once (plugin unload); pending requests reject. */
	terminate(): void {
		this.fail(new EmbedderUnavailableError('The embedding worker was stopped.'));
		this.port.terminate();
	}

	private listen(): void {
		this.port.onResponse((data) => this.receive(data));
		this.port.onFatal((err) => this.fail(new EmbedderUnavailableError(err.message)));
	}

	private receive(data: unknown): void {
		if (typeof data !== 'object' || data === null || typeof (data as { id?: unknown }).id !== 'number') return;
		if ((data as { type?: unknown }).type === 'progress') {
			const p = data as WindowProgress;
			this.progressOf.get(p.id)?.(p.embedded, p.total);
			return;
		}
		const response = data as WorkerResponse;
		const p = this.pending.get(response.id);
		if (!p) return;
		this.pending.delete(response.id);
		if (response.ok) p.resolve(response);
		else p.reject(new WorkerRequestError(response.error.name, response.error.message));
	}

	private fail(err: Error): void {
		this.broken ??= err;
		for (const p of this.pending.values()) p.reject(err);
		this.pending.clear();
	}

	private request(body: DistributiveOmit<WorkerRequest, 'id'>, transfer = false, id = this.nextId++): Promise<WorkerResponse> {
		if (this.broken) return Promise.reject(this.broken);
		const request: WorkerRequest = { ...body, id };
		return new Promise<WorkerResponse>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			try {
				this.port.post(request, transfer ? requestTransferables(request) : []);
			} catch (err) {
				this.pending.delete(id);
				reject(err instanceof Error ? err : new Error(String(err)));
			}
		});
	}
}
