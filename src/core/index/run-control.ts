import type { ProgressTracker } from './progress-tracker';

/**
 * Pause, resume and cancel for the indexer's runs. A run passes `gate()` before each embedding
 * batch: it waits there while paused and learns there that it was cancelled.
 */
export type RunChange = 'pause' | 'resume' | 'cancel';

export class RunControl {
	private running = false;
	private paused = false;
	private cancelRequested = false;
	private waiters: (() => void)[] = [];
	private readonly watchers = new Set<(change: RunChange) => void>();

	constructor(private readonly tracker: ProgressTracker) {}

	get isRunning(): boolean {
		return this.running;
	}

	begin(): void {
		this.running = true;
		this.cancelRequested = false;
		this.tracker.begin(this.paused);
	}

	end(): void {
		this.running = false;
		this.tracker.end(this.cancelRequested);
	}

	/** Pauses before the next embedding batch; also holds back a run that has not started yet. */
	pause(): void {
		this.paused = true;
		if (this.running) this.tracker.set({ state: 'paused' });
		this.announce('pause');
	}

	resume(): void {
		this.paused = false;
		this.release();
		if (this.running) this.tracker.set({ state: 'indexing' });
		this.announce('resume');
	}

	/** Stops the current run after its committed work; nothing happens between runs. */
	cancel(): void {
		if (!this.running) return;
		this.cancelRequested = true;
		this.release();
		this.announce('cancel');
	}

	/** Waits while paused; false once the run is cancelled. */
	async gate(): Promise<boolean> {
		while (this.paused && !this.cancelRequested) await new Promise<void>((resolve) => this.waiters.push(resolve));
		return !this.cancelRequested;
	}

	/** Hears pause, resume and cancel as they happen (a window running in the worker); returns the unsubscribe. */
	watch(listener: (change: RunChange) => void): () => void {
		this.watchers.add(listener);
		return () => this.watchers.delete(listener);
	}

	private announce(change: RunChange): void {
		for (const w of this.watchers) w(change);
	}

	private release(): void {
		for (const w of this.waiters.splice(0)) w();
	}
}
