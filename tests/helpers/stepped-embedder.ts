import { FakeEmbedder } from './fake-embedder';

/** A FakeEmbedder whose model calls are logged and wait until the test releases them. */
export class SteppedEmbedder extends FakeEmbedder {
	log: string[] = [];
	private releases: (() => void)[] = [];
	override embedWordPieces(rows: readonly (readonly number[])[]) {
		this.log.push(`batch of ${rows.length}`);
		return new Promise<void>((resolve) => this.releases.push(resolve)).then(() => rows.map((r) => this.vector(this.tokenizer.textFor(r))));
	}
	override embed(texts: readonly string[]) {
		this.log.push(`query ${texts.join()}`);
		return super.embed(texts);
	}
	/** Waits until a model call is waiting, then lets it run. */
	async release(): Promise<void> {
		while (this.releases.length === 0) await new Promise((r) => setTimeout(r, 1));
		this.releases.shift()?.();
	}
}
