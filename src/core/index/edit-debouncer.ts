import type { Clock } from './clock';
import type { VaultFile } from './types';

/**
 * Holds back note edits until a note has been quiet for `delayMs`, so typing re-indexes a note
 * once, not on every keystroke. Notes whose wait is over are handed to `enqueue` as one batch:
 * `take()` is called when the batch actually starts, so notes coming due while it waits in the
 * queue join it instead of starting another.
 */
export class EditDebouncer {
	/** Edits still waiting out their quiet time. */
	private readonly timers = new Map<string, { handle: unknown; file: VaultFile }>();
	/** Edits whose quiet time is over, waiting for the queued batch to start. */
	private readonly due = new Map<string, VaultFile>();
	private batchQueued = false;
	private disposed = false;

	constructor(
		private readonly clock: Clock,
		private readonly delayMs: number,
		private readonly enqueue: (take: () => VaultFile[]) => void,
	) {}

	/** Edits waiting, in their quiet time or due. */
	get size(): number {
		return this.timers.size + this.due.size;
	}

	has(path: string): boolean {
		return this.timers.has(path) || this.due.has(path);
	}

	/** Paths still in their quiet time (not those already due). */
	waitingPaths(): string[] {
		return [...this.timers.keys()];
	}

	/** A note was edited: (re)start its quiet time. */
	changed(file: VaultFile): void {
		if (this.disposed) return;
		const previous = this.timers.get(file.path);
		if (previous) this.clock.clearTimeout(previous.handle);
		const handle = this.clock.setTimeout(() => {
			this.timers.delete(file.path);
			this.due.set(file.path, file);
			this.queueBatch();
		}, this.delayMs);
		this.timers.set(file.path, { handle, file });
	}

	/** Forgets a pending edit of `path` (the note was deleted, renamed or excluded). */
	drop(path: string): void {
		const t = this.timers.get(path);
		if (t) this.clock.clearTimeout(t.handle);
		this.timers.delete(path);
		this.due.delete(path);
	}

	/** Ends every quiet time now and queues the batch. */
	flush(): void {
		for (const [path, { handle, file }] of this.timers) {
			this.clock.clearTimeout(handle);
			this.due.set(path, file);
		}
		this.timers.clear();
		this.queueBatch();
	}

	dispose(): void {
		this.disposed = true;
		for (const { handle } of this.timers.values()) this.clock.clearTimeout(handle);
		this.timers.clear();
		this.due.clear();
	}

	private queueBatch(): void {
		if (this.batchQueued || this.due.size === 0 || this.disposed) return;
		this.batchQueued = true;
		this.enqueue(() => {
			this.batchQueued = false;
			const files = [...this.due.values()];
			this.due.clear();
			return files;
		});
	}
}
