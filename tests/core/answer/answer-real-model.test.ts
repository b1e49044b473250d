/**
 * With the real all-MiniLM-L6-v2, on notes of fixtures/sample-vault: a question finds its note,
 * and the sentence highlighted in the result is the one a reader would point at. The questions
 * share few words with their answers, so the choice is the model's understanding, not overlap.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { inProcessEngine } from '../../../src/core/session/in-process-engine';
import { openSession, type IndexSession } from '../../../src/core/session/index-session';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import { createNodeEngine, nodeModelFiles } from '../../../src/node/node-engine';
import { realModel } from '../../helpers/real-model';
import { SLOW_TIMEOUT } from '../../helpers/reference-cache';
import { MemoryNoteSource } from '../../helpers/vault-fixtures';

const model = realModel('answer highlighting');
const vault = path.resolve(__dirname, '../../../fixtures/sample-vault');
const NOTES = ['Garden/Tomato growing.md', 'Kitchen/Sourdough starter.md', 'Health/Sleep habits.md'];

/** Each question with its note, the section that holds the answer and the answer sentence, picked by hand. */
const CASES = [
	{ question: 'how often should I fertilise tomato plants', note: 'Garden/Tomato growing.md', section: 'Tomato growing > Care', answer: 'Feed weekly with tomato feed once the first truss has set.' },
	{ question: 'how can I tell that the levain is ready to bake with', note: 'Kitchen/Sourdough starter.md', section: 'Sourdough starter > Feeding routine', answer: 'It is ready when it has doubled, smells pleasantly sour like yoghurt, and a spoonful floats in water.' },
	{ question: 'is an afternoon espresso bad for my sleep', note: 'Health/Sleep habits.md', section: 'Sleep habits > Helps', answer: 'No caffeine after 1 pm.' },
];

describe.skipIf(!model.available)('answer sentences with the real model', () => {
	const { dir } = model as Extract<typeof model, { available: true }>;
	let engine: EmbeddingEngine;
	let session: IndexSession;

	beforeAll(async () => {
		engine = await createNodeEngine({ files: nodeModelFiles(dir), dtype: 'fp32' });
		const source = new MemoryNoteSource(Object.fromEntries(NOTES.map((p) => [p, readFileSync(path.join(vault, p), 'utf8')])));
		session = await openSession({ engine: inProcessEngine(engine), store: new MemoryVectorStore(), source });
		await session.sync();
	}, SLOW_TIMEOUT);
	afterAll(async () => session?.dispose());

	it('highlights the sentence that answers the question in the best result', async () => {
		for (const c of CASES) {
			// The question is asked of its note only: which note ranks first is the search's business.
			const outcome = await session.search(c.question, { limit: 1, exclude: (p) => p !== c.note, calibration: { threshold: -1, strong: 1 } });
			const [top] = outcome.results;
			expect(top?.heading, c.question).toBe(c.section);
			const answer = await session.answer(outcome.query as Float32Array, top);
			expect(answer?.sentences, c.question).toContain(c.answer);
			expect(answer?.parts.filter((p) => p.answer).map((p) => p.text)).toEqual(answer?.sentences);
		}
	}, SLOW_TIMEOUT);
});
