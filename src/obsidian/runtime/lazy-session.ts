import { isEmbedderUnavailable } from '../../core/index/errors';
import type { IndexProgress, IndexReport } from '../../core/index/types';
import type { IndexSession } from '../../core/session/index-session';
import { isModelUnavailable, userMessage } from './errors';
import { Listeners } from './listeners';

const IDLE: IndexProgress = { done: 0, total: 0, state: 'idle' };

/**
 * The vault's session, opened on first use (start-up sync, a search, the related view) so that
 * enabling the plugin costs nothing until the layout is ready, and dropped when its model must go
 * (settings changed, the worker broke, unload). What outlives a session lives here: progress and
 * change subscribers, the last report, the model problem.
 */
export class LazySession {
	private opening: Promise<IndexSession> | null = null;
	private session: IndexSession | null = null;
	private disposed = false;
	/**
	 * Set when the model was loaded for a search or the related view rather than for a sync: the
	 * index is then brought up to date in the background (with start-up indexing off, this is
	 * when the vault gets indexed; with it on, it catches edits made before the session existed).
	 */
	private catchUp = false;
	private currentProgress: IndexProgress = IDLE;
	private report: IndexReport | undefined;
	private problem: string | undefined;
	private readonly progressListeners = new Listeners<[IndexProgress]>();
	private readonly changeListeners = new Listeners();

	constructor(
		private readonly open: () => Promise<IndexSession>,
		/** A background update found the model unavailable (the plugin reports it once, as a notice). */
		private readonly onModelError: (error: unknown) => void,
	) {}

	/** The session if the model is loaded. */
	current(): IndexSession | null {
		return this.session;
	}

	/** Loads the model if needed; for anything but a sync, the index then catches up in the background. */
	get(forSync: boolean): Promise<IndexSession> {
		if (this.disposed) return Promise.reject(new Error('The plugin is being unloaded.'));
		if (!this.opening && !forSync) this.catchUp = true;
		// A sync asked for while the model loads does the catching up itself: two runs would race.
		if (forSync) this.catchUp = false;
		this.opening ??= this.start().then(
			(session) => {
				this.problem = undefined;
				this.session = session;
				if (this.catchUp) {
					this.catchUp = false;
					this.run((s) => s.sync()).catch((e: unknown) => console.error('Semantic note search: catch-up sync failed', e));
				}
				return session;
			},
			(error: unknown) => {
				this.opening = null;
				this.problem = isModelUnavailable(error) ? userMessage(error) : undefined;
				throw error;
			},
		);
		return this.opening;
	}

	/** Runs a sync or rebuild, remembering its report; a run that found the worker broken drops it. */
	async run(job: (session: IndexSession) => Promise<IndexReport>): Promise<IndexReport> {
		const session = await this.get(true);
		try {
			this.report = await job(session);
			return this.report;
		} catch (error) {
			this.dropIfBroken(session, error);
			throw error;
		}
	}

	/** A query embedding failed with `session`: drop it unless it was already replaced. */
	dropAfterFailure(session: IndexSession): void {
		if (this.session === session) void this.drop();
	}

	/** Stops the session (indexing, worker, store). The next use opens a new one. */
	async drop(): Promise<void> {
		const pending = this.opening;
		this.opening = null;
		this.session = null;
		const session = await pending?.catch(() => null);
		if (!session) return;
		await session.dispose();
		this.setProgress(IDLE);
	}

	get progress(): IndexProgress {
		return this.currentProgress;
	}

	onProgress(listener: (progress: IndexProgress) => void): () => void {
		return this.progressListeners.add(listener);
	}

	onChange(listener: () => void): () => void {
		return this.changeListeners.add(listener);
	}

	/** Open views refresh. */
	changed(): void {
		this.changeListeners.emit();
	}

	get lastReport(): IndexReport | undefined {
		return this.report;
	}

	/** What the user must do to make the model available, once loading it failed. */
	get modelProblem(): string | undefined {
		return this.problem;
	}

	async dispose(): Promise<void> {
		this.disposed = true;
		this.progressListeners.clear();
		this.changeListeners.clear();
		await this.drop();
	}

	private async start(): Promise<IndexSession> {
		const session = await this.open();
		if (this.disposed) {
			await session.dispose();
			throw new Error('The plugin was unloaded while the model loaded.');
		}
		session.on('progress', (p) => this.setProgress(p));
		session.on('change', () => this.changed());
		session.on('error', (error) => {
			console.error('Semantic note search: background update failed', error);
			if (isModelUnavailable(error)) this.onModelError(error);
			this.dropIfBroken(session, error);
		});
		return session;
	}

	/** A crashed or stopped worker stays broken: drop it so the next sync or search starts a new one. */
	private dropIfBroken(session: IndexSession, error: unknown): void {
		if (isEmbedderUnavailable(error) && !this.disposed && this.session === session) void this.drop();
	}

	private setProgress(p: IndexProgress): void {
		this.currentProgress = p;
		this.progressListeners.emit(p);
	}
}
