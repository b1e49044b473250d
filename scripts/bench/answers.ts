/**
 * The cost of highlighting answers in the search modal, and what it does to search latency.
 * Runs the plugin's path with a real thread: the worker's own handler in a worker_threads
 * Worker (ORT-web WASM, one thread, the synthetic MiniLM), the real WorkerClient, and an
 * IndexSession over 10k passages of the sample vault's notes (copies; their vectors random, so
 * every query returns the 20 rows the modal shows by default). Per query it measures:
 * - search alone: embed the query in the worker + scan (highlighting off);
 * - highlight: the rows' answers one after the other, as the modal asks for them (first row, all rows);
 * - search while the previous query's highlighting runs (highlighting on): the new query is sent
 *   at a random moment while a row's answer is being computed, after the modal's loop was told
 *   to stop, as when the user types during highlighting.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { MAX_ANSWER_SENTENCES } from '../../src/core/answer/find-answer';
import { createEngine } from '../../src/core/embedding/engine';
import { createTokenizer } from '../../src/core/embedding/load-tokenizer';
import { memoryModelFiles } from '../../src/core/embedding/model-files';
import { requiredFiles } from '../../src/core/embedding/model-manifest';
import { titleOf, toStoredPassage } from '../../src/core/index/snippet';
import type { NoteSource } from '../../src/core/index/types';
import type { SearchResult } from '../../src/core/search/types';
import { openSession } from '../../src/core/session/index-session';
import { MemoryVectorStore } from '../../src/core/store/memory-store';
import { expectedMeta } from '../../src/core/store/model-key';
import type { NoteRecord } from '../../src/core/store/types';
import { chunkNote } from '../../src/core/text/chunker';
import { proseSentences } from '../../src/core/text/passage-sentences';
import { nodeModelFiles, nodeWasmBinary } from '../../src/node/node-engine';
import { createWorkerHandler } from '../../src/worker/handler';
import type { WorkerPort } from '../../src/worker/port';
import { transferablesOf, type WorkerRequest } from '../../src/worker/protocol';
import { WorkerClient } from '../../src/worker/worker-client';
import type { Corpus } from './corpus-types';
import { now, runPart } from './part';
import { percentile, randomUnitVector, seededRandom } from './stats';

interface Input {
	modelDir: string;
	corpusFile: string;
	passages: number;
	/** Queries timed with highlighting off and on. */
	queries: number;
	/** Queries whose rows are all highlighted (each takes seconds on a busy core). */
	highlightQueries: number;
}

export interface AnswersResult {
	passages: number;
	rows: number;
	searchOff: { p50Ms: number; p95Ms: number };
	searchOn: { p50Ms: number; p95Ms: number };
	firstRow: { p50Ms: number; p95Ms: number };
	allRows: { p50Ms: number; p95Ms: number };
	/** Load average over the part: on a shared machine the milliseconds mean little without it. */
	loadavg: [start: number, end: number];
	/** Sentences per highlighted row on average (at most MAX_ANSWER_SENTENCES are embedded). */
	sentencesPerRow: number;
}

const ROWS = 20;
const QUERIES = [
	'how do MCP servers talk to clients',
	'telemark skiing technique',
	'what did I plan for the garden',
	'feeding a sourdough starter',
	'notes about deep work and focus',
	'how to review a pull request',
	'weekly planning routine',
	'what is retrieval augmented generation',
	'cooking bread in a hot oven',
	'project deadlines and blockers',
];

/** The worker side: the handler the worker entry builds, with ORT's WASM from node_modules. */
async function serveWorker(): Promise<void> {
	const port = parentPort;
	if (!port) return;
	const wasmBinary = await nodeWasmBinary();
	const handle = createWorkerHandler({
		createEngine: async (init) => createEngine({ files: memoryModelFiles(init.files), dtype: init.dtype, wasmBinary }),
	});
	port.on('message', (msg: unknown) => {
		void handle(msg).then((response) => port.postMessage(response, transferablesOf(response) as ArrayBuffer[]));
	});
}

function threadPort(worker: Worker): WorkerPort {
	return {
		post: (request: WorkerRequest, transfer) => worker.postMessage(request, transfer as ArrayBuffer[]),
		onResponse: (receive) => worker.on('message', receive),
		onFatal: (receive) => worker.on('error', receive),
		terminate: () => void worker.terminate(),
	};
}

const stats = (samples: number[]): { p50Ms: number; p95Ms: number } => ({ p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

if (!isMainThread && (workerData as { answersWorker?: boolean } | undefined)?.answersWorker) {
	void serveWorker();
} else {
	runPart<Input, AnswersResult>(async ({ modelDir, corpusFile, passages, queries, highlightQueries }) => {
		const loadAtStart = loadavg()[0];
		const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
		const rand = seededRandom(11);
		const tokenizer = await createTokenizer(nodeModelFiles(modelDir));
		const files = Object.fromEntries(requiredFiles('fp32').map((f) => [f.path, new Uint8Array(readFileSync(join(modelDir, f.path)))]));
		const worker = new Worker(new URL(import.meta.url), { workerData: { answersWorker: true } });
		const client = await WorkerClient.start(threadPort(worker), { files, dtype: 'fp32' });

		// Copies of the corpus notes until the index holds `passages` passages, chunked by the real chunker.
		const texts = new Map<string, string>();
		const records: NoteRecord[] = [];
		let count = 0;
		for (let copy = 0; count < passages; copy++) {
			for (const note of corpus.notes) {
				if (count >= passages) break;
				const path = `copy-${copy}/${note.path}`;
				const title = titleOf(path);
				const chunks = chunkNote({ path, title, markdown: note.markdown }, tokenizer).slice(0, passages - count);
				if (chunks.length === 0) continue;
				const vectors = new Float32Array(chunks.length * client.dim);
				chunks.forEach((_, i) => randomUnitVector(client.dim, rand, vectors, i * client.dim));
				records.push({ path, mtime: 0, size: note.markdown.length, hash: path, passages: chunks.map((p, i) => toStoredPassage(p, title, i === 0)), vectors });
				texts.set(path, note.markdown);
				count += chunks.length;
			}
		}
		const store = new MemoryVectorStore();
		await store.setMeta(expectedMeta(client.modelKey));
		await store.putMany(records);
		const source: NoteSource = { list: () => Promise.resolve([]), read: (path) => Promise.resolve(texts.get(path) ?? '') };
		const session = await openSession({ engine: { embedder: client, windows: client.windows, answer: client.answer, dispose: () => client.dispose() }, store, source });
		const options = { limit: ROWS, calibration: { threshold: -1, strong: 1 } };
		const search = async (q: string) => {
			const outcome = await session.search(q, options);
			if (outcome.query === undefined || outcome.results.length !== ROWS) throw new Error(`expected ${ROWS} rows for "${q}"`);
			return { query: outcome.query, results: outcome.results };
		};
		for (const q of QUERIES.slice(0, 3)) await search(q); // warm-up

		// Highlighting off: nothing else runs in the worker.
		const off: number[] = [];
		for (let i = 0; i < queries; i++) {
			const t = now();
			await search(QUERIES[i % QUERIES.length]);
			off.push(now() - t);
		}

		// Highlight time: every row's answer, one after the other, as the modal asks.
		const firstRow: number[] = [];
		const allRows: number[] = [];
		let sentences = 0;
		for (let i = 0; i < highlightQueries; i++) {
			const { query, results } = await search(QUERIES[i % QUERIES.length]);
			const t = now();
			for (const [k, r] of results.entries()) {
				await session.answer(query, r);
				if (k === 0) firstRow.push(now() - t);
			}
			allRows.push(now() - t);
			for (const r of results) sentences += Math.min(MAX_ANSWER_SENTENCES, proseSentences(texts.get(r.path) ?? '', r.start, r.end).length);
		}

		// Highlighting on: the next query arrives while the previous one's rows are being answered.
		const on: number[] = [];
		let previous = await search(QUERIES[0]);
		for (let i = 1; i <= queries; i++) {
			let stale = false;
			const loop = (async (rows: SearchResult[], query: Float32Array) => {
				for (const r of rows) {
					if (stale) return;
					await session.answer(query, r);
				}
			})(previous.results, previous.query);
			await sleep(rand() * 150);
			stale = true;
			const t = now();
			previous = await search(QUERIES[i % QUERIES.length]);
			on.push(now() - t);
			await loop;
		}

		const indexed = session.searchIndex.passageCount;
		await session.dispose();
		await worker.terminate();
		return {
			passages: indexed,
			loadavg: [loadAtStart, loadavg()[0]],
			rows: ROWS,
			searchOff: stats(off),
			searchOn: stats(on),
			firstRow: stats(firstRow),
			allRows: stats(allRows),
			sentencesPerRow: sentences / Math.max(1, highlightQueries * ROWS),
		};
	});
}
