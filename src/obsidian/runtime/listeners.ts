/** Subscribers to one kind of runtime event; the views unsubscribe when they close. */
export class Listeners<T extends unknown[] = []> {
	private readonly set = new Set<(...args: T) => void>();

	/** Returns the unsubscribe function. */
	add(listener: (...args: T) => void): () => void {
		this.set.add(listener);
		return () => this.set.delete(listener);
	}

	emit(...args: T): void {
		for (const l of this.set) l(...args);
	}

	clear(): void {
		this.set.clear();
	}
}
