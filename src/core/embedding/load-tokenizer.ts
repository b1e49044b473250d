/**
 * The tokenizer without the model: what the chunker and the CLI's `tokenize` need to count word
 * pieces, at the cost of reading tokenizer.json only (no weights, no WASM session).
 */
import type { ModelFiles } from './model-files';
import { tokenizerFiles } from './model-manifest';
import { readRequired } from './read-model';
import { WordPieceTokenizer } from './tokenizer';
import { loadTokenizerFromBytes, loadTransformers } from './transformers-host';

export async function createTokenizer(files: ModelFiles): Promise<WordPieceTokenizer> {
	const bytes = await readRequired(files, tokenizerFiles());
	const t = await loadTransformers();
	return new WordPieceTokenizer(await loadTokenizerFromBytes(t, bytes));
}
