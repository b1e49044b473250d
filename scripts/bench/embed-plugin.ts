/**
 * The plugin's embedding path minus the thread: the real Indexer (windows of notes, passages
 * sorted by length, batches of ≤ 32) talking through the real WorkerClient and worker protocol
 * (structured-cloned messages, one request per window: chunking, tokenizing once and
 * embedding in the worker) to the worker's own handler, which runs
 * our engine on ORT-web WASM with one thread. Records every batch it ran, so padding is measured
 * on what really ran and the native part can replay the same batches. Throughput is timed inside
 * the model calls (like the other parts); the whole indexing run is reported next to it.
 * Peak RSS of this process is the memory of the embedding path (engine + WASM heap + indexing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Indexer } from '../../src/core/index/indexer';
import { MemoryVectorStore } from '../../src/core/store/memory-store';
import { createEngine } from '../../src/core/embedding/engine';
import { memoryModelFiles } from '../../src/core/embedding/model-files';
import { requiredFiles } from '../../src/core/embedding/model-manifest';
import { nodeWasmBinary } from '../../src/node/node-engine';
import { createWorkerHandler } from '../../src/worker/handler';
import { inProcessPort } from '../../src/worker/port';
import { WorkerClient } from '../../src/worker/worker-client';
import type { Corpus, EmbedResult } from './corpus-types';
import { memoryVault } from './memory-vault';
import { cpuSince, now, runPart } from './part';

interface Input {
	modelDir: string;
	corpusFile: string;
	/** Where the batches that ran are written (token ids per row), for the native part. */
	batchesFile: string;
}

runPart<Input, EmbedResult>(async ({ modelDir, corpusFile, batchesFile }) => {
	const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
	const wasmBinary = await nodeWasmBinary();
	// The same handler the worker entry builds, with the WASM bytes from node_modules.
	// Word-piece rows of every batch the engine ran; their model input ids are looked up afterwards.
	const calls: number[][][] = [];
	// Time inside the model calls alone: the other parts only embed, while the indexer also reads,
	// hashes, chunks and stores.
	let embedSeconds = 0;
	let embedCpuSeconds = 0;
	let timing = false;
	// The same handler the worker entry builds, with the WASM bytes from node_modules.
	const handler = createWorkerHandler({
		createEngine: async (init) => {
			const engine = await createEngine({ files: memoryModelFiles(init.files), dtype: init.dtype, wasmBinary });
			const embedWordPieces = engine.embedWordPieces.bind(engine);
			engine.embedWordPieces = async (rows) => {
				if (!timing) return embedWordPieces(rows);
				calls.push(rows.map((r) => [...r]));
				const t = now();
				const cpu = process.cpuUsage();
				const out = await embedWordPieces(rows);
				embedSeconds += (now() - t) / 1000;
				embedCpuSeconds += cpuSince(cpu);
				return out;
			};
			return engine;
		},
	});
	const files = Object.fromEntries(requiredFiles('fp32').map((f) => [f.path, new Uint8Array(readFileSync(join(modelDir, f.path)))]));
	const t0 = now();
	const client = await WorkerClient.start(inProcessPort(handler), { files, dtype: 'fp32' });
	const loadSeconds = (now() - t0) / 1000;
	await client.embed(corpus.passages.slice(0, 4).map((p) => p.text));
	// In memory: the store's cost is measured by the idb-load part, here only embedding counts.
	const indexer = new Indexer({ source: memoryVault(corpus.notes), store: new MemoryVectorStore(), embedder: client, windows: client.windows });
	timing = true;
	const t1 = now();
	const cpu0 = process.cpuUsage();
	const report = await indexer.run();
	const seconds = (now() - t1) / 1000;
	const cpuSeconds = cpuSince(cpu0);

	// Passages are never truncated (the chunker keeps them within the model's limit), so the
	// model input is [CLS] + the word pieces + [SEP].
	const idsOf = new Map(corpus.passages.map((p) => [p.ids.slice(1, -1).join(','), p.ids]));
	const batches = calls.map((rows) =>
		rows.map((r) => {
			const ids = idsOf.get(r.join(','));
			if (!ids) throw new Error('the worker chunked a passage the corpus part did not produce');
			return ids;
		}),
	);
	const wordPieces = batches.flat().reduce((n, ids) => n + ids.length, 0);
	if (report.embedded !== corpus.passages.length) {
		throw new Error(`indexer embedded ${report.embedded} passages, the corpus has ${corpus.passages.length} (failed: ${report.failed.length})`);
	}
	writeFileSync(batchesFile, JSON.stringify(batches));
	await client.dispose();
	return {
		backend: 'plugin path: Indexer → WorkerClient → worker handler → engine, ORT-web WASM 1 thread',
		wordPieces,
		passages: report.embedded,
		seconds: embedSeconds,
		cpuSeconds: embedCpuSeconds,
		wordPiecesPerSecond: wordPieces / embedSeconds,
		indexing: { seconds, cpuSeconds, wordPiecesPerSecond: wordPieces / seconds },
		loadSeconds,
		batchLengths: batches.map((b) => b.map((ids) => ids.length)),
	};
});
