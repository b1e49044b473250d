import { FakeEmbedder } from './fake-embedder';

/**
 * A FakeEmbedder whose model calls are logged and wait until the test releases them, so a test
 * decides when each batch ends. Entries are prefixed with `name` when given ('w0: batch of 1').
 */
export class SteppedEmbedder extends FakeEmbedder {
	private releases: (() => void)[] = [];
	constructor(
		readonly log: string[] = [],
		readonly name = '',
	) {
		super({ dim: 8 });
	}
	private note(entry: string): void {
		this.log.push(this.name ? `${this.name}: ${entry}` : entry);
	}
	override embedWordPieces(rows: readonly (readonly number[])[]) {
		this.note(`batch of ${rows.length}`);
		return new Promise<void>((resolve) => this.releases.push(resolve)).then(() => rows.map((r) => this.vector(this.tokenizer.textFor(r))));
	}
	override embed(texts: readonly string[]) {
		this.note(`query ${texts.join()}`);
		return super.embed(texts);
	}
	/** Waits until a model call is waiting, then lets it run. */
	async release(): Promise<void> {
		while (this.releases.length === 0) await new Promise((r) => setTimeout(r, 1));
		this.releases.shift()?.();
	}
}
