import type { Embedder } from '../embedding/types';
import { chunkingKey as defaultChunkingKey } from '../text/chunk-params';
import { type Clock, systemClock } from './clock';
import { contentHash } from '../store/content-hash';
import { EditDebouncer } from './edit-debouncer';
import { embedWindow, type FailureStreak, type PreparedNote } from './embed-window';
import { Emitter } from './emitter';
import { errorMessage } from './errors';
import { createExclusions, defaultExclusionPatterns } from './exclusions';
import type { KnownNote } from './known-note';
import { expectedMeta } from '../store/model-key';
import type { StoreContents } from '../store/read-store';
import { isUnchanged, matchRenames, planStartup } from './plan';
import { RecordBook } from './record-book';
import { RunControl } from './run-control';
import { ProgressTracker } from './progress-tracker';
import { emptyReport, finishReport } from './report';
import { titleOf } from './snippet';
import type { Exclusions, IndexProgress, IndexReport, IndexStatus, NoteSource, RebuildNotice, RecordsChange, VaultFile } from './types';
import type { VectorStore } from '../store/types';
import type { WindowControl, WindowIndexer } from './window-port';

/**
 * Characters per passage, to size windows before the notes are chunked (in the worker): about
 * 4 characters per word piece, 256 word pieces per passage.
 */
const CHARS_PER_PASSAGE = 1000;

export interface IndexerOptions {
	source: NoteSource;
	store: VectorStore;
	/** Only `modelKey` is used; the engine is owned (and disposed) by the caller. */
	embedder: Embedder;
	/** Chunks and embeds a window of notes (the worker, or in-process). */
	windows: WindowIndexer;
	/** Default: the config folder `.obsidian/` and `*.excalidraw.md`. */
	exclusions?: Exclusions;
	clock?: Clock;
	/** Quiet time after the last edit of a note before it is re-indexed. Default 2000 ms. */
	debounceMs?: number;
	/** Passages per embedding call. Default 32: larger WASM batches exhaust the heap. */
	maxBatch?: number;
	/**
	 * Passages (estimated from the notes' length) gathered before a window is embedded and committed.
	 * Default 128 with one window in flight, and 128 / 2N with N (see `parallelWindows`).
	 */
	windowPassages?: number;
	/** Notes gathered before a window is embedded and committed. Default 64, and 64 / 2N with N windows in flight. */
	windowNotes?: number;
	/**
	 * Windows embedded at once (a pool of workers takes one each), read before each window.
	 * Default 1: each window is committed before the next starts.
	 */
	parallelWindows?: () => number;
	/** Chunking part of the model key; override only when the chunker uses other parameters. */
	chunkingKey?: string;
	hash?: (text: string) => Promise<string>;
	/**
	 * The store as `readStore` left it for this model (session start-up reads it once for the
	 * search matrix too). Without it the indexer reads the store itself before its first run.
	 */
	opened?: StoreContents;
}

export interface IndexerEvents {
	progress: IndexProgress;
	/** Store changes, for the search layer's in-memory matrix. */
	records: RecordsChange;
	/** The store was cleared because the model, chunking or schema changed; a full rebuild follows. */
	rebuild: RebuildNotice;
	/** A background update (debounced edit, rename, delete) failed. */
	error: Error;
}

/**
 * Keeps a VectorStore in step with a NoteSource.
 *
 * - `run()` reconciles everything (call it at startup, after layout is ready): unchanged notes
 *   (same mtime and size) cost nothing, touched-but-identical notes (same hash) only a metadata
 *   write, renames made while closed are detected by content hash and moved, vanished notes removed.
 * - `noteChanged` / `noteDeleted` / `noteRenamed` follow vault events; edits are debounced.
 * - Work is committed per window of notes, so a crash or quit resumes where it stopped.
 * - A note that cannot be read, chunked or embedded is stored with a `failure` and not retried
 *   until its mtime or size changes.
 * Store writes go through the RecordBook, one at a time, so events arriving during a run are
 * applied in order; RunControl pauses, resumes and cancels runs.
 */
export class Indexer {
	private readonly events = new Emitter<IndexerEvents>();
	private readonly clock: Clock;
	private readonly hash: (text: string) => Promise<string>;
	private exclusions: Exclusions;
	private readonly book: RecordBook;
	private readonly control: RunControl;
	private rebuildAnnounced = false;

	/** Runs and updates, one at a time. */
	private workTail: Promise<unknown> = Promise.resolve();

	/** Renames and deletes seen while a run is in progress, applied to its queued paths. */
	private readonly aliases = new Map<string, string>();
	private readonly deleted = new Set<string>();

	private readonly edits: EditDebouncer;
	private readonly tracker: ProgressTracker;

	constructor(private readonly options: IndexerOptions) {
		this.clock = options.clock ?? systemClock;
		// Due edits run as one update, queued behind any run; a failure there has no caller to reject.
		this.edits = new EditDebouncer(this.clock, options.debounceMs ?? 2000, (take) => {
			this.exclusive(async () => {
				await this.updateFiles(take());
			}).catch((err: unknown) => this.events.emit('error', err instanceof Error ? err : new Error(String(err))));
		});
		this.tracker = new ProgressTracker(this.clock, (p) => this.events.emit('progress', p));
		this.control = new RunControl(this.tracker);
		this.hash = options.hash ?? contentHash;
		this.exclusions = options.exclusions ?? createExclusions(defaultExclusionPatterns());
		const want = expectedMeta(options.embedder.modelKey, options.chunkingKey ?? defaultChunkingKey());
		this.book = new RecordBook(options.store, want, (change) => this.events.emit('records', change), options.opened);
	}

	/** Subscribes to 'progress', 'records', 'rebuild' or 'error'; returns the unsubscribe function. */
	on<K extends keyof IndexerEvents>(type: K, listener: (event: IndexerEvents[K]) => void): () => void {
		return this.events.on(type, listener);
	}

	get progress(): IndexProgress {
		return this.tracker.snapshot;
	}

	/** True for paths left out of the index; apply it to search results too. */
	isExcluded(path: string): boolean {
		return this.exclusions.isExcluded(path);
	}

	/** Full reconcile of the store with the source. Queued behind any run or update in progress. */
	run(): Promise<IndexReport> {
		return this.exclusive(() => this.reconcileAll());
	}

	/** Indexes the given notes now (no debounce), skipping those whose mtime and size are unchanged. */
	update(files: readonly VaultFile[]): Promise<IndexReport> {
		return this.exclusive(() => this.updateFiles(files));
	}

	/** A note was created or modified: re-index it once it has been quiet for `debounceMs`. */
	noteChanged(file: VaultFile): void {
		if (this.isExcluded(file.path)) return;
		this.edits.changed(file);
	}

	/** A note was deleted: its record goes at once. */
	async noteDeleted(path: string): Promise<void> {
		this.edits.drop(path);
		if (this.control.isRunning) this.deleted.add(path);
		await this.book.remove([path]);
	}

	/**
	 * A note was renamed or moved (Obsidian's `rename` event: the file with its new path, and the
	 * old path). Its record moves; nothing is re-embedded.
	 */
	async noteRenamed(oldPath: string, file: VaultFile): Promise<void> {
		// An edit still waiting (debounce running, or due and queued) must follow the note.
		const pending = this.edits.has(oldPath);
		this.edits.drop(oldPath);
		if (this.control.isRunning) {
			this.aliases.set(oldPath, file.path);
			this.deleted.delete(file.path);
		}
		const fromExcluded = this.isExcluded(oldPath);
		if (this.isExcluded(file.path)) {
			if (!fromExcluded) await this.book.remove([oldPath]);
			return;
		}
		if (fromExcluded) {
			this.noteChanged(file);
			return;
		}
		const moved = await this.book.move(oldPath, file.path);
		// A rename usually keeps mtime; if content changed too, an edit was pending, or the note was
		// never indexed (and no run will pick it up under its old path), check it.
		const changed = moved ? moved.mtime !== file.mtime || moved.size !== file.size : !this.control.isRunning;
		if (pending || changed) this.noteChanged(file);
	}

	/** Replaces the exclusions and deletes records that are now excluded; returns their paths. */
	async setExclusions(exclusions: Exclusions): Promise<string[]> {
		this.exclusions = exclusions;
		for (const path of this.edits.waitingPaths()) if (exclusions.isExcluded(path)) this.edits.drop(path);
		const known = await this.book.notes();
		const gone = [...known.keys()].filter((p) => exclusions.isExcluded(p));
		await this.book.remove(gone);
		return gone;
	}

	/** Runs every pending (debounced) edit now and waits until all queued work is done. */
	async flush(): Promise<void> {
		this.edits.flush();
		await this.idle();
	}

	/** Resolves when no run, update or store write is queued. */
	async idle(): Promise<void> {
		let tail: Promise<unknown>;
		do {
			tail = this.workTail;
			await Promise.allSettled([tail, this.book.settled()]);
		} while (tail !== this.workTail);
	}

	/** Pauses before the next embedding batch; `resume()` continues. */
	pause(): void {
		this.control.pause();
	}

	resume(): void {
		this.control.resume();
	}

	/** Stops the current run after committed work; the uncommitted window is dropped, not stored. */
	cancel(): void {
		this.control.cancel();
	}

	/** Counts and failures for a 'Show index status' command. */
	async status(): Promise<IndexStatus> {
		const known = await this.book.notes();
		const meta = await this.options.store.getMeta();
		let indexed = 0;
		let passages = 0;
		const failed: { path: string; reason: string }[] = [];
		const notices: { path: string; notice: string }[] = [];
		for (const k of known.values()) {
			if (k.failure !== undefined) failed.push({ path: k.path, reason: k.failure });
			else indexed++;
			if (k.notice !== undefined) notices.push({ path: k.path, notice: k.notice });
			passages += k.passages;
		}
		failed.sort((a, b) => (a.path < b.path ? -1 : 1));
		notices.sort((a, b) => (a.path < b.path ? -1 : 1));
		return {
			notes: known.size,
			indexed,
			passages,
			failed,
			notices,
			modelKey: meta?.modelKey,
			schemaVersion: meta?.schemaVersion,
			state: this.tracker.runState,
			pending: this.edits.size,
		};
	}

	/** Stops timers and the current run; the store and embedder stay open (their owner closes them). */
	dispose(): void {
		this.edits.dispose();
		this.cancel();
		this.events.clear();
	}

	// ---- internals -------------------------------------------------------------------------

	private exclusive<T>(fn: () => Promise<T>): Promise<T> {
		const next = this.workTail.then(fn, fn);
		this.workTail = next.catch(() => undefined);
		return next;
	}

	/** Tells listeners, once, that the store was cleared because it held another model's vectors. */
	private async announceRebuild(): Promise<void> {
		const { rebuild } = await this.book.contents();
		if (!rebuild || this.rebuildAnnounced) return;
		this.rebuildAnnounced = true;
		this.events.emit('rebuild', rebuild);
		this.book.announceReset();
	}

	private beginRun(): void {
		this.aliases.clear();
		this.deleted.clear();
		this.control.begin();
	}

	private endRun(): void {
		this.aliases.clear();
		this.deleted.clear();
		this.control.end();
	}

	/** Where a queued path lives now, following renames made during the run. */
	private resolve(path: string): string {
		let p = path;
		for (let hops = 0; hops < 100 && this.aliases.has(p); hops++) p = this.aliases.get(p) ?? p;
		return p;
	}

	/**
	 * One indexing run: the store's model checked and its records known before `work`, progress
	 * back to idle (or cancelled) after it whatever happens, and the report timed.
	 */
	private async timedRun(work: (report: IndexReport, known: Map<string, KnownNote>) => Promise<void>): Promise<IndexReport> {
		const t0 = this.clock.now();
		const report = emptyReport();
		this.beginRun();
		try {
			await this.announceRebuild();
			await work(report, await this.book.notes());
		} finally {
			this.endRun();
		}
		report.seconds = (this.clock.now() - t0) / 1000;
		return report;
	}

	private reconcileAll(): Promise<IndexReport> {
		return this.timedRun(async (report, known) => {
			const plan = planStartup(await this.options.source.list(), known, this.exclusions);
			report.removed += await this.book.remove(plan.excluded);
			report.reused += plan.unchanged;

			const prefetched = new Map<string, { text: string; hash: string }>();
			const pairs = await matchRenames(plan.work, plan.vanished, known, async (f) => {
				try {
					const text = await this.options.source.read(f.path);
					const hash = await this.hash(text);
					prefetched.set(f.path, { text, hash });
					return hash;
				} catch {
					return undefined;
				}
			});
			const renamedTo = new Set<string>();
			for (const [from, to] of pairs) {
				await this.book.moveFound(from, to);
				renamedTo.add(to.path);
				prefetched.delete(to.path);
			}
			report.renamed += pairs.length;
			const renamedFrom = new Set(pairs.map(([from]) => from.path));
			report.removed += await this.book.remove(plan.vanished.filter((v) => !renamedFrom.has(v.path)).map((v) => v.path));

			const work = plan.work.filter((f) => !renamedTo.has(f.path));
			await this.processFiles(work, report, prefetched);
			finishReport(report, plan.listed.map((f) => this.resolve(f.path)), known);
		});
	}

	private updateFiles(files: readonly VaultFile[]): Promise<IndexReport> {
		return this.timedRun(async (report, known) => {
			const work: VaultFile[] = [];
			for (const f of files) {
				if (this.isExcluded(f.path)) continue;
				if (isUnchanged(known.get(f.path), f)) report.reused++;
				else work.push(f);
			}
			await this.processFiles(work, report, new Map());
			finishReport(report, files.map((f) => this.resolve(f.path)).filter((p) => !this.isExcluded(p)), known);
		});
	}

	/** Reads and hashes each file; has them chunked, embedded and committed window by window. */
	private async processFiles(work: readonly VaultFile[], report: IndexReport, prefetched: Map<string, { text: string; hash: string }>): Promise<void> {
		const control: WindowControl = {
			maxBatch: this.options.maxBatch ?? 32,
			between: () => this.control.gate(),
			watch: (listener) => this.control.watch(listener),
		};
		const parallel = (): number => Math.max(1, Math.floor(this.options.parallelWindows?.() ?? 1));
		// Each worker takes a whole window, so with N of them the default windows are 2N times
		// smaller: a run of a few big windows would leave workers idle while the last one finishes.
		const share = (): number => (parallel() > 1 ? 2 * parallel() : 1);
		const windowPassages = (): number => this.options.windowPassages ?? Math.max(8, Math.ceil(128 / share()));
		const windowNotes = (): number => this.options.windowNotes ?? Math.max(4, Math.ceil(64 / share()));
		const streak: FailureStreak = { count: 0 };
		let window: PreparedNote[] = [];
		let pending = 0;
		this.tracker.startCount(work.length);
		// Windows being embedded; each commits when it returns, in whatever order they finish.
		const inFlight = new Set<Promise<void>>();
		let stopped = false;
		let failure: Error | undefined;

		const embedAndCommit = async (notes: PreparedNote[]): Promise<void> => {
			const result = await embedWindow(notes, this.options.windows, control, streak);
			if (result.cancelled) {
				stopped = true;
				return;
			}
			await this.book.commit(result.records, (path) => this.placeOf(path));
			report.embedded += result.embedded;
			this.tracker.advance(notes.length);
			if (result.unavailable) throw result.unavailable;
		};

		/** Starts the gathered window, then waits while as many windows as allowed are in flight; false once the run must stop. */
		const flushWindow = async (): Promise<boolean> => {
			if (window.length > 0) {
				const notes = window;
				window = [];
				pending = 0;
				const job: Promise<void> = embedAndCommit(notes)
					.catch((err: unknown) => {
						failure ??= err instanceof Error ? err : new Error(String(err));
						stopped = true;
					})
					.finally(() => inFlight.delete(job));
				inFlight.add(job);
			}
			while (inFlight.size >= parallel()) await Promise.race(inFlight);
			return !stopped;
		};

		const gather = async (): Promise<void> => {
			for (const file of work) {
				if (!(await this.control.gate())) return;
				const path = this.resolve(file.path);
				if (this.deleted.has(path) || this.isExcluded(path)) {
					this.tracker.advance(1);
					continue;
				}
				this.tracker.set({ current: path });
				const prepared = await this.prepare(file, path, prefetched.get(file.path));
				prefetched.delete(file.path);
				if (prepared === 'unchanged') {
					report.reused++;
					this.tracker.advance(1, path);
					continue;
				}
				window.push(prepared);
				pending += Math.ceil(prepared.markdown.length / CHARS_PER_PASSAGE);
				if (pending >= windowPassages() || window.length >= windowNotes()) {
					if (!(await flushWindow())) return;
				}
			}
			await flushWindow();
		};

		try {
			await gather();
		} finally {
			// Every window started is committed (or cancelled) before the run ends.
			await Promise.all(inFlight);
		}
		if (failure !== undefined) throw failure;
	}

	/** Reads and hashes one note, or settles it as unchanged content (metadata update only). */
	private async prepare(file: VaultFile, path: string, pre: { text: string; hash: string } | undefined): Promise<PreparedNote | 'unchanged'> {
		const base = { path, mtime: file.mtime, size: file.size, title: titleOf(path), markdown: '' };
		let text: string;
		let hash: string;
		try {
			text = pre?.text ?? (await this.options.source.read(path));
			hash = pre?.hash ?? (await this.hash(text));
		} catch (err) {
			return { ...base, hash: '', failure: `read failed: ${errorMessage(err)}` };
		}
		const k = (await this.book.notes()).get(path);
		if (k && k.hash === hash) {
			await this.book.touch(() => this.resolve(path), file);
			return 'unchanged';
		}
		return { ...base, hash, markdown: text };
	}

	/** Where a record of the run belongs now (renames during the run applied); undefined if deleted or excluded meanwhile. */
	private placeOf(path: string): string | undefined {
		const now = this.resolve(path);
		return this.deleted.has(now) || this.isExcluded(now) ? undefined : now;
	}
}
