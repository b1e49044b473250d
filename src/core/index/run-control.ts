import type { ProgressTracker } from './progress-tracker';

/**
 * Pause, resume and cancel for the indexer's runs. A run passes `gate()` before each embedding
 * batch: it waits there while paused and learns there that it was cancelled.
 */
export class RunControl {
	private running = false;
	private paused = false;
	private cancelRequested = false;
	private waiters: (() => void)[] = [];

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
	}

	resume(): void {
		this.paused = false;
		this.release();
		if (this.running) this.tracker.set({ state: 'indexing' });
	}

	/** Stops the current run after its committed work; nothing happens between runs. */
	cancel(): void {
		if (!this.running) return;
		this.cancelRequested = true;
		this.release();
	}

	/** Waits while paused; false once the run is cancelled. */
	async gate(): Promise<boolean> {
		while (this.paused && !this.cancelRequested) await new Promise<void>((resolve) => this.waiters.push(resolve));
		return !this.cancelRequested;
	}

	private release(): void {
		for (const w of this.waiters.splice(0)) w();
	}
}
