/**
 * The parity corpus itself, and its token ids against sentence-transformers' tokenizer. Neither
 * depends on the weights (the tokenizer files are the same for the real and the synthetic model),
 * which is why these checks live apart from the real-weights tier.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeEngine, nodeModelFiles } from '../../../src/node/node-engine';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { oracleEmbed, realModel } from '../../helpers/real-model';
import { SLOW_TIMEOUT } from '../../helpers/reference-cache';
import { realParityTexts } from './real-parity-texts';

const model = realModel('token ids against the Python tokenizer');

describe.skipIf(!model.available)('the parity corpus and its token ids', () => {
	const { dir, python } = model as Extract<typeof model, { available: true }>;
	let engine: EmbeddingEngine;
	let texts: string[];
	let ids: number[][];

	beforeAll(async () => {
		engine = await createNodeEngine({ files: nodeModelFiles(dir), dtype: 'fp32' });
		texts = realParityTexts(engine.tokenizer);
		ids = (await oracleEmbed(python, texts, true)).ids ?? [];
		await engine.dispose();
	}, SLOW_TIMEOUT);

	test('has over 200 texts from 0 to more than 300 word pieces', () => {
		const counts = texts.map((t) => engine.tokenizer.countWordPieces(t));
		expect(texts.length).toBeGreaterThanOrEqual(200);
		expect(Math.min(...counts)).toBe(0);
		expect(Math.max(...counts)).toBeGreaterThan(300);
	});

	test('gives every text the token ids of the Python tokenizer (256 at most, [SEP] last)', () => {
		const differing = texts.filter((t, i) => engine.tokenizer.modelInput(t).join(' ') !== ids[i].join(' '));
		expect(differing, `texts whose ids differ: ${differing.slice(0, 3).map((t) => JSON.stringify(t.slice(0, 60))).join(', ')}`).toEqual([]);
		expect(Math.max(...ids.map((row) => row.length))).toBe(256);
	});
});
