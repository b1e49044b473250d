import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTokenizer } from '../../../src/core/embedding/load-tokenizer';
import { nodeModelFiles } from '../../../src/node/node-engine';
import type { Tokenizer } from '../../../src/core/embedding/types';
import { chunkNote } from '../../../src/core/text/chunker';
import { syntheticVault } from '../../helpers/vault-fixtures';

let tokenizer: Tokenizer;
beforeAll(async () => {
	tokenizer = await createTokenizer(nodeModelFiles(path.join(inject('sharedDir'), 'models', 'all-MiniLM-L6-v2')));
});

/** The model sees every word piece of every passage: nothing is cut off by truncation. */
function expectNeverTruncated(markdown: string, title = 'A rather long title for a note about things'): number {
	const passages = chunkNote({ path: 'x/y.md', title, markdown }, tokenizer);
	for (const p of passages) {
		const input = tokenizer.modelInput(p.text);
		expect(input.length).toBeLessThanOrEqual(256);
		expect(input.slice(1, -1)).toEqual(tokenizer.wordPieces(p.text));
		expect(p.wordPieces).toBe(tokenizer.countWordPieces(p.text));
	}
	return passages.length;
}

describe('chunking with the real all-MiniLM-L6-v2 tokenizer', () => {
	it('keeps every passage within 256 word pieces including [CLS]/[SEP]', () => {
		const vault = syntheticVault(30, 9);
		let total = 0;
		for (const md of Object.values(vault)) total += expectNeverTruncated(md);
		expect(total).toBeGreaterThan(30);
	});

	it('holds for text that splits into many word pieces per word', () => {
		const rare = Array.from({ length: 400 }, (_, i) => `Zygomorphic${i} photosynthesising antidisestablishmentarianism, ${i}th.`).join(' ');
		expect(expectNeverTruncated(rare)).toBeGreaterThan(3);
		expect(expectNeverTruncated('漢字かなカナ。'.repeat(400))).toBeGreaterThan(3);
		expect(expectNeverTruncated(`${'ü'.repeat(5000)} ${'x'.repeat(10_000)} emoji 🎉👋🏽 ${'word '.repeat(600)}`)).toBeGreaterThan(1);
		expect(expectNeverTruncated('مرحبا بالعالم. '.repeat(300))).toBeGreaterThan(1);
	});
});
