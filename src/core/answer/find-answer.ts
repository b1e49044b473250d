import { planBatchesByLength } from '../embedding/batching';
import type { EmbeddingEngine } from '../embedding/types';
import { cosine } from '../fixtures/cosine';
import { proseSentences } from '../text/passage-sentences';
import { answerSnippet } from './answer-snippet';
import { chooseAnswer } from './choose';
import type { AnswerPassage, PassageAnswer } from './types';

/** What finding an answer needs of the engine: its tokenizer and embedding of ready ids. */
export type AnswerEngine = Pick<EmbeddingEngine, 'tokenizer' | 'embedWordPieces'>;

/**
 * Bounds on the work for one result row. A passage holds at most 256 word pieces, so its
 * sentences cost about what the passage cost to index; at most this many are embedded.
 */
export const MAX_ANSWER_SENTENCES = 24;
/**
 * Padded tokens per model call (rows × longest row): small calls, so a query typed meanwhile
 * waits for one of them at most (`between` runs before each): about a query's embedding four
 * times over. Measured by `npm run bench` (part answers).
 */
export const ANSWER_CALL_TOKENS = 64;
/** A sentence is compared by its first word pieces: a longer one would need a call of its own, and its start carries its topic. */
const MAX_SENTENCE_WORD_PIECES = ANSWER_CALL_TOKENS - 2;
/** Sentences of fewer word pieces ("Yes.", "See below.") are no answer, unless nothing else is there. */
const MIN_WORD_PIECES = 3;

/**
 * The one or two sentences of the passage closest in meaning to the query: each prose sentence
 * of the passage's range is embedded on its own with the same engine as the query, and compared
 * by cosine with the query's vector. Undefined when the passage has no prose sentence, or when
 * `between` (awaited before every model call) returns false: the answer is no longer wanted.
 * A passage of one sentence needs no model call.
 */
export async function findAnswer(
	engine: AnswerEngine,
	query: Float32Array,
	passage: AnswerPassage,
	between: () => Promise<boolean> = () => Promise.resolve(true),
): Promise<PassageAnswer | undefined> {
	const sentences = proseSentences(passage.markdown, passage.start, passage.end).slice(0, MAX_ANSWER_SENTENCES);
	const ids = sentences.map((s) => engine.tokenizer.wordPieces(s.text).slice(0, MAX_SENTENCE_WORD_PIECES));
	let candidates = sentences.map((_, i) => i).filter((i) => ids[i].length >= MIN_WORD_PIECES);
	if (candidates.length === 0) candidates = sentences.map((_, i) => i).filter((i) => ids[i].length > 0);
	if (candidates.length === 0) return undefined;
	let chosen = [candidates[0]];
	if (candidates.length > 1) {
		const scores = new Float64Array(candidates.length);
		const plan = planBatchesByLength(candidates.map((i) => ids[i].length + 2), { maxRows: MAX_ANSWER_SENTENCES, maxPaddedTokens: ANSWER_CALL_TOKENS });
		for (const batch of plan) {
			if (!(await between())) return undefined;
			const vectors = await engine.embedWordPieces(batch.map((k) => ids[candidates[k]]));
			batch.forEach((k, j) => (scores[k] = cosine(query, vectors[j])));
		}
		chosen = chooseAnswer(scores).map((k) => candidates[k]);
		if (chosen.length === 0) return undefined;
	}
	return { parts: answerSnippet(sentences.map((s) => s.text), chosen), sentences: chosen.map((i) => sentences[i].text) };
}
