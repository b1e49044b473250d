/**
 * The way peer plugins embed: transformers.js `pipeline('feature-extraction')` with mean pooling
 * and normalize, batches of 32 in vault order (no length sorting), the tokenizer's default
 * truncation (512) — on the same ORT-web WASM backend, one thread, as our plugin path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeWasmBinary } from '../../src/node/node-engine';
import { registerOrtRuntime } from '../../src/core/embedding/ort-runtime';
import type { Corpus, EmbedResult } from './corpus-types';
import { cpuSince, now, runPart } from './part';

interface Input {
	modelDir: string;
	corpusFile: string;
}

runPart<Input, EmbedResult>(async ({ modelDir, corpusFile }) => {
	const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
	// Same runtime as the plugin: ORT-web WASM registered before transformers.js is imported.
	registerOrtRuntime(await nodeWasmBinary());
	const t = await import('@huggingface/transformers');
	// A peer in Obsidian gets the files from the browser cache; here a custom cache serves them
	// from the model folder (transformers.js' local-path route hands ORT-web a path it cannot read).
	const host = 'https://model-files.invalid/';
	const serve = (key: string): Response | undefined => {
		const rel = /\/resolve\/[^/]+\/(.+)$/.exec(key)?.[1];
		const file = rel && join(modelDir, rel);
		return file && existsSync(file) ? new Response(readFileSync(file)) : undefined;
	};
	t.env.allowLocalModels = false;
	t.env.allowRemoteModels = true;
	t.env.remoteHost = host;
	t.env.useBrowserCache = false;
	t.env.useFSCache = false;
	t.env.useCustomCache = true;
	t.env.customCache = { match: (key: string) => Promise.resolve(serve(key)), put: () => Promise.resolve() };
	t.env.fetch = (input: string | URL) => Promise.resolve(serve(String(input)) ?? new Response(null, { status: 404 }));
	t.env.logLevel = t.LogLevel.ERROR;
	const t0 = now();
	const extractor = await t.pipeline('feature-extraction', 'bench/synthetic-minilm', { device: 'auto', dtype: 'fp32' });
	const loadSeconds = (now() - t0) / 1000;
	const run = async (texts: string[]): Promise<void> => {
		const out = await extractor(texts, { pooling: 'mean', normalize: true });
		out.dispose();
	};
	await run(corpus.passages.slice(0, 4).map((p) => p.text));
	let wordPieces = 0;
	const t1 = now();
	const cpu0 = process.cpuUsage();
	for (const batch of corpus.naiveBatches) {
		for (const i of batch) wordPieces += corpus.passages[i].ids.length;
		await run(batch.map((i) => corpus.passages[i].text));
	}
	const seconds = (now() - t1) / 1000;
	const cpuSeconds = cpuSince(cpu0);
	await extractor.dispose();
	return { backend: 'transformers.js pipeline (WASM, unsorted 32)', wordPieces, passages: corpus.passages.length, seconds, cpuSeconds, wordPiecesPerSecond: wordPieces / seconds, loadSeconds };
});
