import { describe, expect, it } from 'vitest';
import { answerSnippet } from '../../../src/core/answer/answer-snippet';
import { chooseAnswer } from '../../../src/core/answer/choose';
import { ANSWER_CALL_TOKENS, findAnswer, MAX_ANSWER_SENTENCES, type AnswerEngine } from '../../../src/core/answer/find-answer';
import { FakeTokenizer } from '../../helpers/fake-embedder';

/** The query points along the first axis; a sentence at angle θ from it has cosine cos θ. */
const QUERY = new Float32Array([1, 0, 0, 0]);

function atCosine(c: number): Float32Array {
	return new Float32Array([c, Math.sqrt(1 - c * c), 0, 0]);
}

/** An engine whose sentence vectors are set by hand: each sentence's cosine with QUERY is known. */
class GeometryEngine implements AnswerEngine {
	readonly tokenizer = new FakeTokenizer();
	calls: string[][] = [];
	/** Word pieces of each row of each call. */
	widths: number[][] = [];
	constructor(private readonly cosines: Record<string, number>) {}
	embedWordPieces(rows: readonly (readonly number[])[]): Promise<Float32Array[]> {
		this.widths.push(rows.map((r) => r.length));
		// A row cut short was never tokenized as such: it has no text of its own.
		const texts = rows.map((r) => (r.length === 62 ? '(cut)' : this.tokenizer.textFor(r)));
		this.calls.push(texts);
		return Promise.resolve(texts.map((t) => (t in this.cosines ? atCosine(this.cosines[t]) : new Float32Array([0, 0, 1, 0]))));
	}
}

const passage = (markdown: string) => ({ markdown, start: 0, end: markdown.length });

describe('choosing the answer sentences', () => {
	it('takes the best sentence alone when the runner-up is more than 0.05 behind', () => {
		expect(chooseAnswer([0.2, 0.9, 0.84])).toEqual([1]);
	});

	it('takes the runner-up too when it is within 0.05, in note order', () => {
		expect(chooseAnswer([0.88, 0.1, 0.9])).toEqual([0, 2]);
	});

	it('gives ties to the earlier sentence and never chooses NaN', () => {
		expect(chooseAnswer([Number.NaN, 0.5, 0.5, 0.2])).toEqual([1, 2]);
		expect(chooseAnswer([Number.NaN])).toEqual([]);
	});
});

describe('finding the answer in a passage', () => {
	const text = 'Servers expose tools over a protocol. The weather was cold that week. Clients call the tools by name. Lunch was late.';

	it('marks the sentence closest to the query inside the passage snippet', async () => {
		const engine = new GeometryEngine({ 'Servers expose tools over a protocol.': 0.6, 'Clients call the tools by name.': 0.9 });
		const answer = await findAnswer(engine, QUERY, passage(text));
		expect(answer?.sentences).toEqual(['Clients call the tools by name.']);
		expect(answer?.parts).toEqual([
			{ text: 'Servers expose tools over a protocol. The weather was cold that week. ', answer: false },
			{ text: 'Clients call the tools by name.', answer: true },
			{ text: ' Lunch was late.', answer: false },
		]);
	});

	it('marks two sentences when both are about as close, with the text between them', async () => {
		const engine = new GeometryEngine({ 'Servers expose tools over a protocol.': 0.87, 'Clients call the tools by name.': 0.9 });
		const answer = await findAnswer(engine, QUERY, passage(text));
		expect(answer?.sentences).toEqual(['Servers expose tools over a protocol.', 'Clients call the tools by name.']);
		expect(answer?.parts.filter((p) => p.answer).map((p) => p.text)).toEqual(answer?.sentences);
		expect(answer?.parts.map((p) => p.text).join('')).toBe(text);
	});

	it('never offers a fragment of under three word pieces, however close', async () => {
		const engine = new GeometryEngine({ 'Yes.': 1, 'Clients call the tools by name.': 0.5 });
		const answer = await findAnswer(engine, QUERY, passage('Yes. Clients call the tools by name. The weather was cold that week.'));
		expect(answer?.sentences).toEqual(['Clients call the tools by name.']);
		expect(engine.calls.flat()).not.toContain('Yes.');
	});

	it('needs no model call for a passage of one sentence', async () => {
		const engine = new GeometryEngine({});
		const answer = await findAnswer(engine, QUERY, passage('# Title\n\nOnly this sentence is here.'));
		expect(answer?.sentences).toEqual(['Only this sentence is here.']);
		expect(engine.calls).toEqual([]);
	});

	it('finds nothing in a passage without prose', async () => {
		const engine = new GeometryEngine({});
		expect(await findAnswer(engine, QUERY, passage('```\ncode only. Really.\n```'))).toBeUndefined();
	});

	it('stops before the next model call once the answer is no longer wanted', async () => {
		const engine = new GeometryEngine({});
		expect(await findAnswer(engine, QUERY, passage(text), () => Promise.resolve(false))).toBeUndefined();
		expect(engine.calls).toEqual([]);
	});

	it('bounds the work: at most 24 sentences, each model call at most 64 padded tokens', async () => {
		const many = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about topic ${i} at some length.`).join(' ');
		const engine = new GeometryEngine({ 'Sentence number 5 talks about topic 5 at some length.': 0.8, 'Sentence number 30 talks about topic 30 at some length.': 1 });
		const answer = await findAnswer(engine, QUERY, passage(many));
		const embedded = engine.calls.flat();
		expect(embedded).toHaveLength(MAX_ANSWER_SENTENCES);
		expect(embedded).not.toContain('Sentence number 30 talks about topic 30 at some length.');
		// FakeTokenizer: one word piece per word or mark, 11 here, plus [CLS] and [SEP].
		for (const call of engine.calls) expect(call.length * 13).toBeLessThanOrEqual(ANSWER_CALL_TOKENS);
		expect(answer?.sentences).toEqual(['Sentence number 5 talks about topic 5 at some length.']);
	});

	it('compares a very long sentence by its first 62 word pieces, in a call of its own', async () => {
		const long = `${Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')}.`;
		const engine = new GeometryEngine({});
		await findAnswer(engine, QUERY, passage(`${long} A short second sentence here.`));
		expect(engine.widths).toEqual([[6], [62]]); // five words and a full stop; the long one cut
	});
});

describe('the snippet around an answer', () => {
	const sentences = Array.from({ length: 12 }, (_, i) => `This is filler sentence ${String(i).padStart(2, '0')} of the note.`);

	it('keeps the answer whole and cuts the context before and after at words, with ellipses', () => {
		const parts = answerSnippet(sentences, [6]);
		const shown = parts.map((p) => p.text).join('');
		expect(parts.filter((p) => p.answer).map((p) => p.text)).toEqual([sentences[6]]);
		expect(shown.startsWith('…')).toBe(true);
		expect(shown.endsWith('…')).toBe(true);
		expect(shown.length).toBeLessThanOrEqual(205);
		// Every shown word is a whole word of the passage.
		for (const word of shown.replace(/…/g, ' ').split(/\s+/).filter(Boolean)) expect(sentences.join(' ')).toContain(word);
	});

	it('gives the room before an answer at the start of the passage to the text after it', () => {
		const shown = answerSnippet(sentences, [0]).map((p) => p.text).join('');
		expect(shown.startsWith(sentences[0])).toBe(true);
		expect(shown.length).toBeGreaterThan(180);
	});

	it('leaves out a long stretch between two answer sentences', () => {
		const parts = answerSnippet(sentences, [2, 9]);
		expect(parts.map((p) => p.text)).toContain(' … ');
		expect(parts.filter((p) => p.answer).map((p) => p.text)).toEqual([sentences[2], sentences[9]]);
	});
});
