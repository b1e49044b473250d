import type { Clock } from './clock';
import type { IndexProgress } from './types';

/**
 * The indexer's progress: the state listeners see (each change emitted as a copy, so a listener
 * cannot alter it) and the estimate of time left.
 */
export class ProgressTracker {
	private state: IndexProgress = { done: 0, total: 0, state: 'idle' };
	/** When the current count began: the rate behind `secondsLeft`. */
	private countStarted = 0;

	constructor(
		private readonly clock: Clock,
		private readonly emit: (progress: IndexProgress) => void,
	) {}

	get snapshot(): IndexProgress {
		return { ...this.state };
	}

	get runState(): IndexProgress['state'] {
		return this.state.state;
	}

	set(patch: Partial<IndexProgress>): void {
		this.state = { ...this.state, ...patch };
		this.emit({ ...this.state });
	}

	/** A run starts: nothing counted yet (the run learns its total later), no note, no estimate. */
	begin(paused: boolean): void {
		this.set({ done: 0, total: 0, current: undefined, secondsLeft: undefined, state: paused ? 'paused' : 'indexing' });
	}

	/** A run ends, whatever happened; the counts stay for whoever looks afterwards. */
	end(cancelled: boolean): void {
		this.set({ current: undefined, secondsLeft: undefined, state: cancelled ? 'cancelled' : 'idle' });
	}

	/** Starts counting `total` notes; `advance` then estimates the time left from the rate so far. */
	startCount(total: number): void {
		this.countStarted = this.clock.now();
		this.set({ done: 0, total });
	}

	/** `n` more notes are done; `current` is the note last settled, if any. */
	advance(n: number, current?: string): void {
		const done = this.state.done + n;
		const elapsed = (this.clock.now() - this.countStarted) / 1000;
		const secondsLeft = done > 0 && elapsed > 0 ? Math.round((elapsed / done) * (this.state.total - done)) : undefined;
		this.set({ done, current, secondsLeft });
	}
}
