/**
 * Keeps the best `k` items seen so far in a bounded binary heap whose root is the worst kept
 * item: O(n log k) over n candidates instead of sorting all of them.
 *
 * `before(a, b)` is the result order: true when `a` must be listed before `b`. It must be a
 * strict total order on distinct items so the outcome does not depend on arrival order.
 */
export class TopK<T> {
	private readonly heap: T[] = [];

	constructor(
		readonly k: number,
		private readonly before: (a: T, b: T) => boolean,
	) {}

	/** Whether `item` would be kept; lets callers skip costly checks for items that cannot rank. */
	wouldKeep(item: T): boolean {
		if (this.k <= 0) return false;
		return this.heap.length < this.k || this.before(item, this.heap[0]);
	}

	push(item: T): void {
		if (!this.wouldKeep(item)) return;
		const heap = this.heap;
		if (heap.length < this.k) {
			heap.push(item);
			this.siftUp(heap.length - 1);
		} else {
			heap[0] = item;
			this.siftDown(0);
		}
	}

	/** The kept items in result order (best first). */
	sorted(): T[] {
		return [...this.heap].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
	}

	/** Root = the item every other kept item ranks before. */
	private worse(i: number, j: number): boolean {
		return this.before(this.heap[j], this.heap[i]);
	}

	private siftUp(i: number): void {
		const heap = this.heap;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.worse(i, parent)) break;
			[heap[i], heap[parent]] = [heap[parent], heap[i]];
			i = parent;
		}
	}

	private siftDown(i: number): void {
		const heap = this.heap;
		const n = heap.length;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let worst = i;
			if (l < n && this.worse(l, worst)) worst = l;
			if (r < n && this.worse(r, worst)) worst = r;
			if (worst === i) return;
			[heap[i], heap[worst]] = [heap[worst], heap[i]];
			i = worst;
		}
	}
}
