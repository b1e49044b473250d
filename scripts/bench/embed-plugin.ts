/**
 * The plugin's embedding path, minus the Worker boundary: the real Indexer (windows of notes,
 * passages sorted by length, batches of ≤ 32) over the corpus notes, chunked by the real chunker,
 * embedded by our engine on ORT-web WASM with one thread. Records every batch it ran, so padding
 * is measured on what really ran and the native part can replay the same batches.
 * Peak RSS of this process is the memory of the embedding path (engine + WASM heap + indexing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { localChunker } from '../../src/core/index/chunker-port';
import { Indexer } from '../../src/core/index/indexer';
import { MemoryVectorStore } from '../../src/core/index/memory-store';
import type { NoteSource } from '../../src/core/index/types';
import { createNodeEngine, nodeModelFiles } from '../../src/core/embedding/node';
import type { Embedder } from '../../src/core/embedding/types';
import type { Corpus, EmbedResult } from './corpus-types';
import { cpuSince, now, runPart } from './part';

interface Input {
	modelDir: string;
	corpusFile: string;
	/** Where the batches that ran are written (token ids per row), for the native part. */
	batchesFile: string;
}

runPart<Input, EmbedResult>(async ({ modelDir, corpusFile, batchesFile }) => {
	const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
	const t0 = now();
	const engine = await createNodeEngine({ files: nodeModelFiles(modelDir) });
	const loadSeconds = (now() - t0) / 1000;
	await engine.embed(corpus.passages.slice(0, 4).map((p) => p.text));

	// Texts are only collected while timing; tokenizing them again happens afterwards.
	const calls: string[][] = [];
	const recording: Embedder = {
		dim: engine.dim,
		modelKey: engine.modelKey,
		embed: (texts) => {
			calls.push([...texts]);
			return engine.embed(texts);
		},
		dispose: () => Promise.resolve(),
	};
	const byPath = new Map(corpus.notes.map((n) => [n.path, n.markdown]));
	const source: NoteSource = {
		list: () => Promise.resolve(corpus.notes.map((n, i) => ({ path: n.path, mtime: 1_700_000_000_000 + i, size: n.markdown.length }))),
		read: (path) => Promise.resolve(byPath.get(path) ?? ''),
	};
	// In memory: the store's cost is measured by the idb-load part, here only embedding counts.
	const indexer = new Indexer({ source, store: new MemoryVectorStore(), embedder: recording, chunk: localChunker(engine.tokenizer) });
	const t1 = now();
	const cpu0 = process.cpuUsage();
	const report = await indexer.run();
	const seconds = (now() - t1) / 1000;
	const cpuSeconds = cpuSince(cpu0);

	const batches = calls.map((texts) => texts.map((t) => engine.tokenizer.modelInput(t)));
	const wordPieces = batches.flat().reduce((n, ids) => n + ids.length, 0);
	if (report.embedded !== corpus.passages.length) {
		throw new Error(`indexer embedded ${report.embedded} passages, the corpus has ${corpus.passages.length} (failed: ${report.failed.length})`);
	}
	writeFileSync(batchesFile, JSON.stringify(batches));
	await engine.dispose();
	return {
		backend: 'plugin path: Indexer + engine, ORT-web WASM 1 thread',
		wordPieces,
		passages: report.embedded,
		seconds,
		cpuSeconds,
		wordPiecesPerSecond: wordPieces / seconds,
		loadSeconds,
		batchLengths: batches.map((b) => b.map((ids) => ids.length)),
	};
});
