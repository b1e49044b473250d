/**
 * The model's word-piece tokenizer (transformers.js, from tokenizer.json) with
 * sentence-transformers' truncation: [CLS] + the first maxTokens-2 word pieces + [SEP].
 * transformers.js' own `truncation` cuts after adding special tokens and so drops [SEP]; we
 * encode without special tokens and wrap ourselves, which keeps [SEP] last like Python does.
 */
import type { Tokenizer } from './types';
import type { LoadedTokenizer } from './transformers-host';

/** sentence-transformers' max_seq_length for all-MiniLM-L6-v2 (not tokenizer_config's 512). */
export const MAX_TOKENS = 256;

export class WordPieceTokenizer implements Tokenizer {
	readonly clsId: number;
	readonly sepId: number;
	readonly padId: number;

	constructor(
		private readonly inner: LoadedTokenizer,
		readonly maxTokens: number = MAX_TOKENS,
	) {
		// The tokenizer's own post-processor wraps "" as [CLS][SEP]: read the ids from there rather
		// than hard-coding 101/102.
		const wrapped = inner.encode('', { add_special_tokens: true });
		if (wrapped.length !== 2) throw new Error('The tokenizer does not wrap texts as [CLS] … [SEP]; is this a BERT tokenizer.json?');
		this.clsId = wrapped[0];
		this.sepId = wrapped[1];
		this.padId = inner.pad_token_id ?? 0;
	}

	wordPieces(text: string): number[] {
		return this.inner.encode(text, { add_special_tokens: false });
	}

	countWordPieces(text: string): number {
		return this.wordPieces(text).length;
	}

	modelInput(text: string): number[] {
		return this.wrap(this.wordPieces(text));
	}

	/** [CLS] + the first `maxTokens - 2` of already tokenized word pieces + [SEP]. */
	wrap(wordPieces: readonly number[]): number[] {
		return [this.clsId, ...wordPieces.slice(0, this.maxTokens - 2), this.sepId];
	}
}
