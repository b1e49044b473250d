/**
 * The real-weights parity corpus (over 200 texts): the published sentences, the fixture cases,
 * texts of every length from 1 word piece to past the 256 limit, the sample vault's passages exactly
 * as the chunker emits them and their titles, and the characters notes really hold (CJK, emoji, accents, code,
 * U+FFFD from broken encodings).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { parseReferenceFixtures, type ReferenceCase } from '../../../src/core/fixtures';
import type { Tokenizer } from '../../../src/core/embedding/types';
import { chunkNote } from '../../../src/core/text/chunker';
import { PARITY_TEXTS } from './parity-texts';

const repoRoot = path.resolve(__dirname, '../../..');

export interface PublishedValues {
	pair: { a: string; b: string; score: number }[];
	embedding: { text: string; first: number[]; precision: string }[];
}

export function publishedValues(): PublishedValues {
	return parse(readFileSync(path.resolve(repoRoot, '../shared/reference/published-similarities.toml'), 'utf8')) as unknown as PublishedValues;
}

const WORDS = 'notes index meaning server protocol garden budget sleep recipe search water house music river paper light table green winter market'.split(' ');

/** Texts of exactly n word pieces for n from 1 to 400 (each word above is one piece in the uncased vocabulary). */
function lengthLadder(tokenizer: Tokenizer): string[] {
	const lengths = [1, 2, 3, 4, 5, 7, 10, 16, 25, 40, 64, 100, 128, 180, 200, 240, 250, 253, 254, 255, 256, 257, 300, 310, 400];
	return lengths.map((n) => {
		const text = Array.from({ length: n }, (_, i) => WORDS[(i * 7 + n) % WORDS.length]).join(' ');
		if (tokenizer.countWordPieces(text) !== n) throw new Error(`ladder text of ${n} words has ${tokenizer.countWordPieces(text)} word pieces`);
		return text;
	});
}

function sampleVaultFiles(): string[] {
	return (readdirSync(path.join(repoRoot, 'fixtures', 'sample-vault'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
}

/** Note titles alone: the short, name-like queries people type. */
function sampleVaultTitles(): string[] {
	return sampleVaultFiles().map((file) => path.basename(file, '.md'));
}

function sampleVaultPassages(tokenizer: Tokenizer): string[] {
	const root = path.join(repoRoot, 'fixtures', 'sample-vault');
	return sampleVaultFiles().flatMap((file) => {
		const markdown = readFileSync(path.join(root, file), 'utf8');
		try {
			return chunkNote({ path: file, title: path.basename(file, '.md'), markdown }, tokenizer).map((p) => p.text);
		} catch {
			return []; // A note the chunker refuses is never embedded.
		}
	});
}

const CHARACTERS = [
	'Mojibake from a broken export: caf\uFFFD au lait, na\uFFFDve, \uFFFD\uFFFD\uFFFD',
	'\uFFFD',
	'日本語のメモ：明日の会議は十時から。',
	'한국어 노트: 내일 회의는 열 시입니다.',
	'中文笔记：模型上下文协议让助手调用外部工具。',
	'🏔️⛷️ Telemark day! ❄️❄️ 10/10 would ski again 🎿',
	'👩‍👩‍👧‍👦 family plan 👨🏿‍💻 🧑🏻‍🍳',
	'Zürich → Genève → Besançon → Åre: déjà vu, jalapeño, smørrebrød.',
	'Ελληνικά: η σημασία των λέξεων. עברית: משמעות המילים. العربية: معنى الكلمات.',
	'const server = new McpServer({ name: "notes", version: "1.0.0" }); server.tool("search", schema, handler);',
	'SELECT path, score FROM passages WHERE score >= 0.4749 ORDER BY score DESC LIMIT 10;',
	'$$ \\int_0^1 x^2 \\, dx = \\frac{1}{3} $$ and inline $e^{i\\pi} + 1 = 0$',
	'  leading and trailing spaces  \t\n',
	'ALL CAPS SHOUTING ABOUT MCP AND LLM AGENTS',
	'a',
	'.',
	'',
];

export function referenceCases(): ReferenceCase[] {
	return parseReferenceFixtures(readFileSync(path.join(repoRoot, 'fixtures', 'similarity-reference.toml'), 'utf8'));
}

/** Every parity text, deduplicated, in a fixed order. */
export function realParityTexts(tokenizer: Tokenizer): string[] {
	const published = publishedValues();
	const cases = referenceCases();
	const all = [
		...published.pair.flatMap((p) => [p.a, p.b]),
		...published.embedding.map((e) => e.text),
		...cases.flatMap((c) => [c.a, c.b]),
		...PARITY_TEXTS,
		...lengthLadder(tokenizer),
		...CHARACTERS,
		...sampleVaultTitles(),
		...sampleVaultPassages(tokenizer),
	];
	return [...new Set(all)];
}
