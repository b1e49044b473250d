import type { AnswerFinder } from '../core/answer/types';
import type { ComputeInfo, Embedder } from '../core/embedding/types';
import { EmbedderUnavailableError, errorMessage, isEmbedderUnavailable } from '../core/index/errors';
import type { WindowOutcome } from '../core/index/index-window';
import type { WindowControl, WindowIndexer } from '../core/index/window-port';
import type { NoteInput } from '../core/text/passage';
import type { WorkerClient } from './worker-client';

export interface WorkerPoolOptions {
	/** Starts one worker with the model loaded (the plugin: a Blob worker; tests and the bench: a thread or in-process). */
	start: () => Promise<WorkerClient>;
	/** Workers while indexing, read at every window so a settings change applies to the next one. */
	size: () => number;
	/** Quiet time after the last window before the extra workers are terminated. Default 2000 ms. */
	idleMs?: number;
}

interface Member {
	client: WorkerClient;
	/** True while a window runs on it: a worker takes one window at a time. */
	busy: boolean;
}

const DEFAULT_IDLE_MS = 2000;

/**
 * Several embedding workers, each with its own model, sharing an indexing run: the indexer keeps
 * `parallelWindows()` windows in flight and each goes whole to a free worker, which length-sorts
 * its batches as one worker always did. Workers are started only when a window finds all busy and
 * terminated `idleMs` after the last window, except the first, which stays for queries.
 *
 * ```ts
 * const pool = await WorkerPool.start({ start: () => WorkerClient.start(port(), init), size: () => 2 });
 * new Indexer({ embedder: pool, windows: pool.windows, parallelWindows: pool.parallelWindows, … });
 * await pool.embed(['a query']); // an idle worker answers, else the first one between its batches
 * pool.terminate();
 * ```
 *
 * A worker that dies (error event, terminated, crashed) is dropped and its window retried once on
 * another worker; a window whose retry dies too comes back with its notes failed, with the reason.
 * A window's result arrives whole or not at all, so a retry never repeats committed work.
 */
export class WorkerPool implements Embedder {
	private members: Member[];
	/** Workers being started, counted against the size so a burst of windows does not overshoot. */
	private starting = 0;
	private waiters: (() => void)[] = [];
	private windowsInFlight = 0;
	private idleTimer: ReturnType<typeof setTimeout> | undefined;
	private stopped: Error | undefined;
	/** Set when an extra worker failed to start: the pool stays at its size until it shrinks. */
	private capped = false;
	readonly modelKey: string;
	readonly dim: number;
	/** Where the model runs: every worker is started on the same device as the first. */
	readonly compute: ComputeInfo;

	private constructor(
		private readonly options: WorkerPoolOptions,
		first: WorkerClient,
	) {
		this.members = [{ client: first, busy: false }];
		this.modelKey = first.modelKey;
		this.dim = first.dim;
		this.compute = first.compute;
	}

	/** Starts the first worker (the one that stays for queries). */
	static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
		return new WorkerPool(options, await options.start());
	}

	/** Workers alive now. */
	get workerCount(): number {
		return this.members.length;
	}

	/** Windows the indexer should keep in flight: one per worker the pool may run. */
	readonly parallelWindows = (): number => Math.max(1, Math.floor(this.options.size()));

	/** Embeds a query on an idle worker, else on the first, which answers between two batches of its window. */
	async embed(texts: readonly string[]): Promise<Float32Array[]> {
		return this.onQueryWorker((client) => client.embed(texts));
	}

	/** A result's answer sentences, routed like a query: an idle worker, else the first between batches. */
	readonly answer: AnswerFinder = (query, passage) => this.onQueryWorker((client) => client.answer(query, passage));

	private async onQueryWorker<T>(call: (client: WorkerClient) => Promise<T>): Promise<T> {
		const member = await this.queryMember();
		try {
			return await call(member.client);
		} catch (err) {
			if (!this.diedOf(member, err)) throw err;
			// The worker died under the query: one more try on another.
			return call((await this.queryMember()).client);
		}
	}

	readonly windows: WindowIndexer = async (notes, control) => {
		this.windowsInFlight++;
		clearTimeout(this.idleTimer);
		try {
			const first = await this.runOn(notes, control);
			if (first.ok) return first.outcome;
			if (!(await control.between())) return { notes: [], vectors: new Float32Array(0), dim: this.dim, embedded: 0, cancelled: true };
			const second = await this.runOn(notes, control);
			if (second.ok) return second.outcome;
			const failure = `embedding failed: the embedding worker stopped twice on this group of notes (${second.reason})`;
			return { notes: notes.map(() => ({ ok: false, stage: 'embed', failure })), vectors: new Float32Array(0), dim: this.dim, embedded: 0, cancelled: false };
		} finally {
			if (--this.windowsInFlight === 0 && !this.stopped) this.idleTimer = setTimeout(() => this.shrink(), this.options.idleMs ?? DEFAULT_IDLE_MS);
		}
	};

	/** Terminates every worker but the first that has no window running. */
	shrink(): void {
		this.capped = false;
		const extra = this.members.slice(1).filter((m) => !m.busy);
		this.members = this.members.filter((m) => !extra.includes(m));
		for (const m of extra) m.client.terminate();
	}

	/** Stops every worker at once (plugin unload, model change); pending requests reject. */
	terminate(): void {
		this.stopped ??= new Error('The embedding workers were stopped.');
		clearTimeout(this.idleTimer);
		for (const m of this.members.splice(0)) m.client.terminate();
		for (const w of this.waiters.splice(0)) w();
	}

	/** Terminating frees each worker's model and WASM heap at once; no need to ask politely. */
	dispose(): Promise<void> {
		this.terminate();
		return Promise.resolve();
	}

	/** Runs a window on a free worker; `ok: false` when that worker died meanwhile. */
	private async runOn(notes: NoteInput[], control: WindowControl): Promise<{ ok: true; outcome: WindowOutcome } | { ok: false; reason: string }> {
		const member = await this.acquire();
		try {
			return { ok: true, outcome: await member.client.windows(notes, control) };
		} catch (err) {
			if (!this.diedOf(member, err)) throw err;
			return { ok: false, reason: errorMessage(err) };
		} finally {
			member.busy = false;
			this.waiters.shift()?.();
		}
	}

	/** A free worker for a window, started if all are busy and the pool may grow; else waits for one. */
	private async acquire(): Promise<Member> {
		for (;;) {
			if (this.stopped) throw this.stopped;
			// The last free worker first, so the first one stays free for queries while it can.
			const free = [...this.members].reverse().find((m) => !m.busy);
			if (free) {
				free.busy = true;
				return free;
			}
			const alive = this.members.length + this.starting;
			if (alive === 0 || (alive < this.parallelWindows() && !this.capped)) {
				const started = await this.grow(true);
				if (started) return started;
			}
			// A release, or a worker that finished starting, wakes one waiter.
			if (this.members.some((m) => m.busy) || this.starting > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
		}
	}

	/** The worker for a query: an idle one, else the first; a new one if every worker died. */
	private async queryMember(): Promise<Member> {
		if (this.stopped) throw this.stopped;
		const member = this.members.find((m) => !m.busy) ?? this.members[0];
		return member ?? (await this.grow(false)) ?? this.queryMember();
	}

	/**
	 * Starts one more worker. Failing to start an extra one (out of memory, say) leaves the pool at
	 * its size; failing with no worker left is the caller's error.
	 */
	private async grow(busy: boolean): Promise<Member | undefined> {
		this.starting++;
		let client: WorkerClient;
		try {
			client = await this.options.start();
		} catch (err) {
			if (this.members.length === 0) throw err;
			this.capped = true;
			console.error('Semantic note search: could not start another embedding worker', err);
			return undefined;
		} finally {
			this.starting--;
			// A window waiting on this start looks again.
			this.waiters.shift()?.();
		}
		if (this.stopped) {
			client.terminate();
			throw this.stopped;
		}
		if (client.modelKey !== this.modelKey) {
			// The model files changed on disk since the first worker loaded (and was checked against
			// Python): with no worker left, the session must load and check the new model.
			client.terminate();
			if (this.members.length === 0) throw new EmbedderUnavailableError(`The model files changed: a new worker loaded ${client.modelKey}.`);
			this.capped = true;
			console.error(`Semantic note search: another embedding worker loaded ${client.modelKey}, not ${this.modelKey}; indexing continues with fewer workers`);
			return undefined;
		}
		const member: Member = { client, busy };
		this.members.push(member);
		return member;
	}

	/** True when `err` says the worker is gone (not stopped by us): it leaves the pool. */
	private diedOf(member: Member, err: unknown): boolean {
		if (this.stopped || !isEmbedderUnavailable(err)) return false;
		this.members = this.members.filter((m) => m !== member);
		member.client.terminate();
		return true;
	}
}
