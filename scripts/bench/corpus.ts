/**
 * Builds the passage mix every embedding part runs on: the sample vault chunked by the real
 * chunker with the model's tokenizer, repeated note by note until the word-piece target is
 * reached (lengths stay a realistic mix; repetition costs the model the same compute).
 * Also reports how much padding each batching scheme would compute.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { planBatches } from '../../src/core/embedding/batching';
import { DEFAULT_BATCH_SIZE } from '../../src/core/embedding/engine';
import { createNodeEngine, nodeModelFiles } from '../../src/core/embedding/node';
import { chunkNote } from '../../src/core/text/chunker';
import type { Corpus } from './corpus-types';
import { runPart } from './part';
import { chunk, padding, percentile, type PaddingStats } from './stats';
import { syntheticNotes } from './synthetic-notes';

interface Input {
	modelDir: string;
	vaultDir: string;
	corpusFile: string;
	targetWordPieces: number;
}

function markdownFiles(dir: string): string[] {
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const full = join(dir, name);
			if (name.startsWith('.')) return [];
			if (statSync(full).isDirectory()) return markdownFiles(full);
			return name.endsWith('.md') ? [full] : [];
		});
}

runPart<Input, { source: string; passages: number; notes: number; wordPieces: number; sorted: PaddingStats; naive: PaddingStats; lengths: { p50: number; p95: number; max: number } }>(
	async ({ modelDir, vaultDir, corpusFile, targetWordPieces }) => {
		const engine = await createNodeEngine({ files: nodeModelFiles(modelDir) });
		// The sample vault when present, else seeded synthetic notes of a similar shape.
		const sources = existsSync(vaultDir)
			? markdownFiles(vaultDir).map((file) => ({ path: relative(vaultDir, file), markdown: readFileSync(file, 'utf8') }))
			: syntheticNotes(60);
		const notes = sources.map(({ path, markdown }) => {
			const passages = chunkNote({ path, title: basename(path, '.md'), markdown }, engine.tokenizer);
			return passages.map((p) => ({ text: p.text, ids: engine.tokenizer.modelInput(p.text) }));
		});
		await engine.dispose();
		if (notes.every((n) => n.length === 0)) throw new Error(`no passages in ${vaultDir}`);
		const passages: Corpus['passages'] = [];
		let wordPieces = 0;
		let noteCount = 0;
		for (let i = 0; wordPieces < targetWordPieces; i = (i + 1) % notes.length) {
			for (const p of notes[i]) {
				passages.push(p);
				wordPieces += p.ids.length;
			}
			noteCount++;
		}
		const lengths = passages.map((p) => p.ids.length);
		// Our engine sorts the texts of one embed() call by length and cuts batches of ≤ 32.
		const sortedBatches = planBatches(passages.map((p) => p.ids), DEFAULT_BATCH_SIZE).map((b) => b.indices);
		const naiveBatches = chunk(passages.map((_, i) => i), 32);
		const corpus: Corpus = { passages, sortedBatches, naiveBatches, notes: noteCount };
		writeFileSync(corpusFile, JSON.stringify(corpus));
		const lengthsOf = (batches: number[][]): number[][] => batches.map((b) => b.map((i) => lengths[i]));
		return {
			source: existsSync(vaultDir) ? vaultDir : 'synthetic notes (sample vault absent)',
			passages: passages.length,
			notes: noteCount,
			wordPieces,
			sorted: padding(lengthsOf(sortedBatches)),
			naive: padding(lengthsOf(naiveBatches)),
			lengths: { p50: percentile(lengths, 50), p95: percentile(lengths, 95), max: Math.max(...lengths) },
		};
	},
);
