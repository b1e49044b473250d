/** Minimal typed event emitter; a throwing listener cannot break indexing. */
export class Emitter<Events extends object> {
	private readonly listeners = new Map<keyof Events, Set<(e: never) => void>>();

	/** Subscribes; returns the function that unsubscribes. */
	on<K extends keyof Events>(type: K, listener: (event: Events[K]) => void): () => void {
		let set = this.listeners.get(type);
		if (!set) this.listeners.set(type, (set = new Set()));
		set.add(listener);
		return () => set.delete(listener);
	}

	emit<K extends keyof Events>(type: K, event: Events[K]): void {
		for (const l of this.listeners.get(type) ?? []) {
			try {
				(l as (e: Events[K]) => void)(event);
			} catch (err) {
				console.error(`[semantic-note-search] ${String(type)} listener failed`, err);
			}
		}
	}

	clear(): void {
		this.listeners.clear();
	}
}
