import type { EmbeddingEngine, Tokenizer } from '../../src/core/embedding/types';

/** Splits like a word-piece tokenizer would at word level: words and single punctuation marks. */
function words(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** FNV-1a, so the fake is deterministic across runs and machines. */
function hash(word: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) {
		h ^= word.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A word-level tokenizer with the real truncation rule, for tests where the model does not matter. */
export class FakeTokenizer implements Tokenizer {
	/** Every text tokenized, in call order, so tests can count how often a text was tokenized. */
	tokenized: string[] = [];
	/** The text behind each id row, so `embedWordPieces` can embed what `embed` would. */
	private readonly textOf = new Map<string, string>();
	constructor(readonly maxTokens = 256) {}
	wordPieces(text: string): number[] {
		this.tokenized.push(text);
		const ids = words(text).map((w) => 1000 + (hash(w) % 29000));
		this.textOf.set(ids.join(','), text);
		return ids;
	}
	countWordPieces(text: string): number {
		return this.wordPieces(text).length;
	}
	modelInput(text: string): number[] {
		return [101, ...this.wordPieces(text).slice(0, this.maxTokens - 2), 102];
	}
	textFor(ids: readonly number[]): string {
		const text = this.textOf.get(ids.join(','));
		if (text === undefined) throw new Error('FakeTokenizer: ids this tokenizer never produced');
		return text;
	}
}

/**
 * Deterministic bag-of-words embedder: texts sharing words score high, others near 0.
 * Counts calls and embedded texts so tests can assert what was (not) re-embedded.
 */
export class FakeEmbedder implements EmbeddingEngine {
	readonly tokenizer: FakeTokenizer;
	readonly dim: number;
	readonly modelKey: string;
	embeddedTexts: string[] = [];
	calls = 0;
	disposed = false;

	constructor(options: { dim?: number; modelKey?: string; maxTokens?: number } = {}) {
		this.dim = options.dim ?? 384;
		this.modelKey = options.modelKey ?? 'fake-bow';
		this.tokenizer = new FakeTokenizer(options.maxTokens);
	}

	embed(texts: readonly string[]): Promise<Float32Array[]> {
		this.calls++;
		this.embeddedTexts.push(...texts);
		return Promise.resolve(texts.map((t) => this.vector(t)));
	}

	/** Embeds the texts the rows were tokenized from, so subclasses overriding `embed` see them. */
	embedWordPieces(rows: readonly (readonly number[])[]): Promise<Float32Array[]> {
		try {
			return this.embed(rows.map((r) => this.tokenizer.textFor(r)));
		} catch (err) {
			return Promise.reject(err instanceof Error ? err : new Error(String(err)));
		}
	}

	vector(text: string): Float32Array {
		const v = new Float32Array(this.dim);
		for (const w of words(text).slice(0, this.tokenizer.maxTokens - 2)) {
			const h = hash(w);
			v[h % this.dim] += h & 1 ? 1 : -1;
		}
		let norm = 0;
		for (const x of v) norm += x * x;
		norm = Math.sqrt(norm);
		if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
		return v;
	}

	dispose(): Promise<void> {
		this.disposed = true;
		return Promise.resolve();
	}
}
