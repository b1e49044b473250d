/**
 * Builds the passage mix every embedding part runs on: the sample vault chunked by the real
 * chunker with the model's tokenizer, repeated note by note until the word-piece target is
 * reached (lengths stay a realistic mix; repetition costs the model the same compute).
 * Also reports how much padding each batching scheme would compute.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { planBatches } from '../../src/core/embedding/batching';
import { DEFAULT_BATCH_SIZE } from '../../src/core/embedding/engine';
import { createNodeEngine, nodeModelFiles } from '../../src/node/node-engine';
import { titleOf } from '../../src/core/index/snippet';
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
		if (sources.length === 0) throw new Error(`no notes in ${vaultDir}`);
		// Repeat notes until the target; copies get a distinct last line so no two notes share a
		// content hash (the indexer would otherwise treat them as renames of one another).
		const notes: Corpus['notes'] = [];
		const passages: Corpus['passages'] = [];
		let wordPieces = 0;
		for (let i = 0; wordPieces < targetWordPieces; i++) {
			const source = sources[i % sources.length];
			const copy = Math.floor(i / sources.length);
			const note = copy === 0 ? source : { path: `copy-${copy}/${source.path}`, markdown: `${source.markdown}\n\nCopy ${copy}.` };
			notes.push(note);
			for (const p of chunkNote({ path: note.path, title: titleOf(note.path), markdown: note.markdown }, engine.tokenizer)) {
				const ids = engine.tokenizer.modelInput(p.text);
				passages.push({ text: p.text, ids });
				wordPieces += ids.length;
			}
		}
		await engine.dispose();
		const lengths = passages.map((p) => p.ids.length);
		// Over the whole corpus; the plugin path reports the batches its indexer really formed.
		const sortedBatches = planBatches(passages.map((p) => p.ids), DEFAULT_BATCH_SIZE).map((b) => b.indices);
		const naiveBatches = chunk(passages.map((_, i) => i), 32);
		const corpus: Corpus = { notes, passages, sortedBatches, naiveBatches };
		writeFileSync(corpusFile, JSON.stringify(corpus));
		const lengthsOf = (batches: number[][]): number[][] => batches.map((b) => b.map((i) => lengths[i]));
		return {
			source: existsSync(vaultDir) ? vaultDir : 'synthetic notes (sample vault absent)',
			passages: passages.length,
			notes: notes.length,
			wordPieces,
			sorted: padding(lengthsOf(sortedBatches)),
			naive: padding(lengthsOf(naiveBatches)),
			lengths: { p50: percentile(lengths, 50), p95: percentile(lengths, 95), max: Math.max(...lengths) },
		};
	},
);
