/**
 * Embedding throughput of the plugin's own worker bundle in headless Chromium: a first index of
 * the corpus' notes through the real IndexSession and WorkerPool with N = 1 and N = 2 workers
 * (fp32) and N = 1 in q8. Every configuration runs the same model calls (indexer-batches.ts, also
 * written out for the native part to replay) and runs in a fresh browser, so its renderer's peak
 * memory (renderer-memory.ts) belongs to it alone: the page before any worker, with the
 * first worker loaded, the peak, and after the pool let its extra workers go.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Dtype } from '../../src/core/embedding/types';
import { benchServer } from './browser-session';
import type { Corpus } from './corpus-types';
import { indexerBatches } from './indexer-batches';
import { runPart } from './part';
import { pageRenderer, type RendererFigures, watchPeaks } from './renderer-memory';

interface Input {
	root: string;
	/** The model the workers load (the real all-MiniLM-L6-v2). */
	modelDir: string;
	corpusFile: string;
	/** Where the model calls are written, as model input ids, for the native part. */
	browserBatchesFile: string;
}

export interface BrowserRun {
	workers: number;
	dtype: Dtype;
	wordPieces: number;
	passages: number;
	/** The whole first index (read, hash, chunk and embed in the workers, store), wall clock. */
	seconds: number;
	wordPiecesPerSecond: number;
	/** Workers the page started: N when the pool grew as asked. */
	workersStarted: number;
	/** Seconds to start the first worker and load the model in it. */
	loadSeconds: number;
	/** CPU seconds of the renderer (all its threads: page and workers) during the timed index. */
	cpuSeconds: number;
	/**
	 * The page's renderer, MB: before any worker (VmRSS), with the first worker loaded (VmRSS), its
	 * peak (renderer-memory.ts), and 3 s after the run, when the pool has let its extra workers go.
	 */
	memory: { pid: number; pageMb: number; loadedMb: number; peakMb: number; settledMb: number };
}

const CONFIGS: { workers: number; dtype: Dtype }[] = [
	{ workers: 1, dtype: 'fp32' },
	{ workers: 2, dtype: 'fp32' },
	{ workers: 1, dtype: 'q8' },
];

/** Longer than the pool's idle time (2 s) before it terminates the extra workers. */
const SETTLE_MS = 3000;

runPart<Input, { runs: BrowserRun[] }>(async ({ root, modelDir, corpusFile, browserBatchesFile }) => {
	const { notes } = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
	const batches = await indexerBatches(notes, modelDir);
	writeFileSync(browserBatchesFile, JSON.stringify(batches));
	const wordPieces = batches.flat().reduce((n, ids) => n + ids.length, 0);
	const passages = batches.flat().length;

	const server = await benchServer(root, modelDir);
	const runs: BrowserRun[] = [];
	try {
		for (const { workers, dtype } of CONFIGS) {
			const tab = await server.open();
			try {
				const page = await tab.renderers();
				const watch = watchPeaks(page.map((p) => p.pid));
				const loadSeconds = await tab.call('start', workers, dtype);
				const loaded = await tab.renderers();
				await tab.call('warmUp', workers);
				const warm = await tab.renderers();
				const run = await tab.call('index', notes);
				const after = await tab.renderers();
				const r = pageRenderer(page, watch.stop());
				await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
				const settled = await tab.renderers();
				await tab.call('stop');
				if (run.failed > 0 || run.embedded !== passages) throw new Error(`${workers} × ${dtype}: embedded ${run.embedded} of ${passages} passages, ${run.failed} notes failed`);
				const of = (list: RendererFigures[]): RendererFigures | undefined => list.find((x) => x.pid === r.before.pid);
				runs.push({
					workers,
					dtype,
					wordPieces,
					passages,
					seconds: run.seconds,
					wordPiecesPerSecond: wordPieces / run.seconds,
					workersStarted: run.workersStarted,
					loadSeconds,
					cpuSeconds: (of(after)?.cpuSeconds ?? NaN) - (of(warm)?.cpuSeconds ?? NaN),
					memory: { pid: r.before.pid, pageMb: r.before.rssMb, loadedMb: of(loaded)?.rssMb ?? NaN, peakMb: r.peakMb, settledMb: of(settled)?.rssMb ?? NaN },
				});
			} finally {
				await tab.close();
			}
		}
	} finally {
		await server.close();
	}
	return { runs };
});
