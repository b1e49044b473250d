/**
 * Embedding throughput of the plugin's own worker bundle in headless Chromium, on the same batches
 * for every configuration: N = 1 and N = 2 workers (fp32) and N = 1 in q8. Each configuration runs
 * in a fresh browser, so its renderer's peak memory (VmHWM, renderer-memory.ts) belongs to it alone:
 * the page before any worker, then with the workers loaded and after every batch ran. Writes the
 * batches (model input ids) for the native part to replay.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createTokenizer } from '../../src/core/embedding/load-tokenizer';
import type { Dtype } from '../../src/core/embedding/types';
import { nodeModelFiles } from '../../src/node/node-engine';
import { benchServer } from './browser-session';
import type { Corpus } from './corpus-types';
import { runPart } from './part';
import { pageRenderer } from './renderer-memory';

interface Input {
	root: string;
	/** The model the workers load (the real all-MiniLM-L6-v2). */
	modelDir: string;
	corpusFile: string;
	/** The batches the plugin's indexer formed (embed-plugin part), when it ran. */
	batchesFile: string;
	/** Where the batches run here are written, as model input ids, for the native part. */
	browserBatchesFile: string;
}

export interface BrowserRun {
	workers: number;
	dtype: Dtype;
	wordPieces: number;
	passages: number;
	seconds: number;
	wordPiecesPerSecond: number;
	/** Batches each worker took from the shared queue. */
	perWorker: number[];
	/** Seconds to start each worker and load the model in it. */
	loadSeconds: number[];
	/** CPU seconds of the renderer (all its threads: page and workers) while the batches ran. */
	cpuSeconds: number;
	/** The page's renderer, MB: before any worker (VmRSS), with the workers loaded (VmRSS), and its peak (VmHWM). */
	memory: { pid: number; pageMb: number; loadedMb: number; peakMb: number };
}

const CONFIGS: { workers: number; dtype: Dtype }[] = [
	{ workers: 1, dtype: 'fp32' },
	{ workers: 2, dtype: 'fp32' },
	{ workers: 1, dtype: 'q8' },
];

/** The batches to run, as passage indices: the plugin indexer's when known, else the corpus' sorted ones. */
function sameBatches(corpus: Corpus, batchesFile: string): { batches: number[][]; source: string } {
	if (!existsSync(batchesFile)) return { batches: corpus.sortedBatches, source: 'length-sorted batches of ≤ 32 over the whole corpus' };
	const indexOf = new Map(corpus.passages.map((p, i) => [p.ids.join(','), i]));
	const batches = (JSON.parse(readFileSync(batchesFile, 'utf8')) as number[][][]).map((rows) =>
		rows.map((ids) => {
			const i = indexOf.get(ids.join(','));
			if (i === undefined) throw new Error('a batch of the plugin path holds a passage the corpus does not have');
			return i;
		}),
	);
	return { batches, source: "the batches the plugin's indexer formed (embed-plugin part)" };
}

/** The workers tokenize the texts themselves: the corpus' ids (counted here, replayed by native) must be theirs. */
async function checkIds(corpus: Corpus, modelDir: string): Promise<void> {
	const tokenizer = await createTokenizer(nodeModelFiles(modelDir));
	for (const p of corpus.passages) {
		if (tokenizer.modelInput(p.text).join(',') !== p.ids.join(',')) throw new Error(`${modelDir}'s tokenizer splits a corpus passage differently from the corpus part`);
	}
}

runPart<Input, { batchSource: string; runs: BrowserRun[] }>(async ({ root, modelDir, corpusFile, batchesFile, browserBatchesFile }) => {
	const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
	await checkIds(corpus, modelDir);
	const { batches, source } = sameBatches(corpus, batchesFile);
	writeFileSync(browserBatchesFile, JSON.stringify(batches.map((b) => b.map((i) => corpus.passages[i].ids))));
	const texts = batches.map((b) => b.map((i) => corpus.passages[i].text));
	const wordPieces = batches.flat().reduce((n, i) => n + corpus.passages[i].ids.length, 0);
	const passages = batches.flat().length;

	const server = await benchServer(root, modelDir);
	const runs: BrowserRun[] = [];
	try {
		for (const { workers, dtype } of CONFIGS) {
			const tab = await server.open();
			try {
				const page = await tab.renderers();
				const loadSeconds = await tab.call('start', workers, dtype);
				const loaded = await tab.renderers();
				const run = await tab.call('runBatches', texts);
				const after = await tab.renderers();
				const r = pageRenderer(page, after);
				const loadedMb = loaded.find((x) => x.pid === r.after.pid)?.rssMb ?? NaN;
				const cpuSeconds = r.after.cpuSeconds - (loaded.find((x) => x.pid === r.after.pid)?.cpuSeconds ?? NaN);
				await tab.call('stop');
				runs.push({
					workers,
					dtype,
					wordPieces,
					passages,
					seconds: run.seconds,
					wordPiecesPerSecond: wordPieces / run.seconds,
					perWorker: run.perWorker,
					loadSeconds,
					cpuSeconds,
					memory: { pid: r.after.pid, pageMb: r.before.rssMb, loadedMb, peakMb: r.after.peakMb },
				});
			} finally {
				await tab.close();
			}
		}
	} finally {
		await server.close();
	}
	return { batchSource: source, runs };
});
