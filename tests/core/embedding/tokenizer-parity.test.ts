/**
 * The tokenizer reproduces the published BERT-uncased ids of all-MiniLM-L6-v2 and
 * sentence-transformers' truncation (256 pieces with [SEP] kept last), using the real
 * tokenizer.json from ../shared.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { createTokenizer } from '../../../src/core/embedding/load-tokenizer';
import { nodeModelFiles } from '../../../src/node/node-engine';
import type { Tokenizer } from '../../../src/core/embedding/types';
import { PARITY_TEXTS } from './parity-texts';

let tokenizer: Tokenizer;
const LONG_TEXT = PARITY_TEXTS[PARITY_TEXTS.length - 1];

beforeAll(async () => {
	tokenizer = await createTokenizer(nodeModelFiles(path.join(inject('sharedDir'), 'models', 'all-MiniLM-L6-v2')));
});

describe('tokenizer parity with the published ids', () => {
	test('every [[tokens]] entry of published-similarities.toml', () => {
		const toml = parse(readFileSync(path.join(inject('sharedDir'), 'reference', 'published-similarities.toml'), 'utf8')) as {
			tokens?: { text: string; ids: number[] }[];
		};
		const entries = toml.tokens ?? [];
		expect(entries.length).toBeGreaterThan(0);
		for (const { text, ids } of entries) expect(tokenizer.modelInput(text), text).toEqual(ids.map(Number));
	});

	test('"The weather is lovely today" → 101 1996 4633 2003 8403 2651 102', () => {
		expect(tokenizer.modelInput('The weather is lovely today')).toEqual([101, 1996, 4633, 2003, 8403, 2651, 102]);
	});

	test('the empty string is [CLS] [SEP]', () => {
		expect(tokenizer.modelInput('')).toEqual([101, 102]);
		expect(tokenizer.countWordPieces('')).toBe(0);
	});

	test('a text of more than 300 word pieces gives exactly 256 ids, [CLS] first and [SEP] last', () => {
		const pieces = tokenizer.wordPieces(LONG_TEXT);
		expect(pieces.length).toBeGreaterThan(300);
		const ids = tokenizer.modelInput(LONG_TEXT);
		expect(tokenizer.maxTokens).toBe(256);
		expect(ids).toHaveLength(256);
		expect(ids[0]).toBe(101);
		expect(ids[255]).toBe(102);
		expect(ids.slice(1, 255)).toEqual(pieces.slice(0, 254));
	});

	test("word pieces ignore tokenizer.json's own truncation (128) and padding blocks", () => {
		expect(tokenizer.countWordPieces(LONG_TEXT)).toBe(tokenizer.wordPieces(LONG_TEXT).length);
		expect(tokenizer.countWordPieces(LONG_TEXT)).toBeGreaterThan(128);
		expect(tokenizer.wordPieces('hello')).toHaveLength(1);
		expect(tokenizer.wordPieces('hello')).not.toContain(0);
	});

	test('lower-cases and strips accents like BertNormalizer', () => {
		expect(tokenizer.wordPieces('CAFÉ')).toEqual(tokenizer.wordPieces('cafe'));
	});
});
