/**
 * Turns the parts' raw results into the table printed by `npm run bench`: every target of the
 * design as one row with pass/miss, plus informational rows. A part that failed shows as "error"
 * instead of hiding the rest.
 */
import type { BrowserSearch } from './browser-search';
import type { BrowserRun } from './browser-throughput';
import type { EmbedResult } from './corpus-types';
import type { AnswersResult } from './answers';
import type { SearchRow } from './search';
import { padding, type PaddingStats } from './stats';
import type { MainThreadRun } from './main-thread';
import type { UnderNoteResult, UnderNoteRow } from './under-note';

type Failed = { error: string };
type Part<T> = T | Failed | undefined;

export interface BenchResults {
	machine: { nproc: number; cpu: string; node: string };
	corpus?: Part<{ passages: number; notes: number; wordPieces: number; sorted: PaddingStats; naive: PaddingStats; lengths: { p50: number; p95: number; max: number } }>;
	plugin?: Part<EmbedResult & { peakRssMb: number }>;
	naive?: Part<EmbedResult & { peakRssMb: number }>;
	native?: Part<EmbedResult & { peakRssMb: number }>;
	search?: Part<{ rows: SearchRow[] }>;
	answers?: Part<AnswersResult>;
	idb?: Part<{ notes: number; passages: number; writeMs: number; loadMs: number; indexMs: number; loadWithoutTextsMs?: number; lexicalMs?: number; lexicalCpuMs?: number; textMChars?: number }>;
	size?: Part<{ mainJsBytes: number; mainJsGzipBytes: number }>;
	onload?: Part<{ p50Ms: number; maxMs: number; firstMs: number; mainJsEvalMs?: number; mainJsOnloadMs?: number }>;
	underNote?: Part<UnderNoteResult>;
	/** The plugin's worker bundle in headless Chromium, real model (browser-throughput.ts). */
	browser?: Part<{ runs: BrowserRun[] }>;
	/** Native onnxruntime-node, real model, on the browser's batches. */
	browserNative?: Part<EmbedResult & { peakRssMb: number }>;
	browserSearch?: Part<BrowserSearch>;
	/** The built plugin's e2e run in headless Chromium: main-thread long tasks while indexing. */
	mainThread?: Part<{ runs: MainThreadRun[] }>;
}

export interface Row {
	metric: string;
	value: string;
	target: string;
	/** n/a: the part was not run or failed (a failed part adds its own error row). */
	status: 'pass' | 'miss' | 'info' | 'n/a' | 'error';
}

function failed(part: unknown): part is Failed {
	return typeof part === 'object' && part !== null && 'error' in part;
}

function ok<T>(part: Part<T>): T | undefined {
	return part === undefined || failed(part) ? undefined : part;
}

const num = (x: number, digits = 1): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (x: number): string => `${num(x * 100)} %`;

/** A row with a target: pass when `good`. Missing inputs make an error row. */
function target(metric: string, value: number | undefined, shown: (v: number) => string, goal: string, good: (v: number) => boolean): Row {
	if (value === undefined || !Number.isFinite(value)) return { metric, value: '—', target: goal, status: 'n/a' };
	return { metric, value: shown(value), target: goal, status: good(value) ? 'pass' : 'miss' };
}

function info(metric: string, value: string | undefined): Row {
	return { metric, value: value ?? '—', target: '', status: value === undefined ? 'n/a' : 'info' };
}

export function rows(r: BenchResults): Row[] {
	const corpus = ok(r.corpus);
	const plugin = ok(r.plugin);
	const naive = ok(r.naive);
	const native = ok(r.native);
	const search = ok(r.search)?.rows ?? [];
	const idb = ok(r.idb);
	const size = ok(r.size);
	const onload = ok(r.onload);
	const answers = ok(r.answers);
	const at = (n: number): SearchRow | undefined => search.find((s) => s.passages === n);
	const wps = (e: EmbedResult | undefined): string | undefined => (e ? `${num(e.wordPiecesPerSecond, 0)} wp/s` : undefined);
	const out: Row[] = [
		info('corpus (passages / word pieces)', corpus && `${corpus.passages} / ${corpus.wordPieces} (p50 ${corpus.lengths.p50}, p95 ${corpus.lengths.p95}, max ${corpus.lengths.max})`),
		info('plugin path: ORT-web WASM 1 thread, sorted ≤32', wps(plugin)),
		info('plugin path, whole indexing run (read, hash, chunk, embed, store)', plugin?.indexing && `${num(plugin.indexing.wordPiecesPerSecond, 0)} wp/s`),
		info('native: onnxruntime-node, all cores', wps(native)),
		info('naive pipeline: WASM, unsorted 32', wps(naive)),
		// Judged on an idle-machine estimate: the plugin's per-CPU-second rate against native
		// scaling perfectly over every core. Wall clock swings with how many cores native happened
		// to get from other processes (0.12x–0.33x seen on one machine in one afternoon); the
		// estimate does not, and if anything it flatters native.
		target('plugin / native throughput (idle estimate: per CPU-s, native × nproc)', plugin && native && plugin.wordPieces / plugin.cpuSeconds / ((native.wordPieces / native.cpuSeconds) * r.machine.nproc), (v) => `${num(v, 2)}x`, '≥ 0.20x', (v) => v >= 0.2),
		info('plugin / native throughput (wall clock)', plugin && native && `${num(plugin.wordPiecesPerSecond / native.wordPiecesPerSecond, 2)}x`),
		// Both run on one thread, so word pieces per CPU-second is their throughput on an idle core
		// and stays comparable when other processes share the machine; wall time is shown too.
		target('plugin / naive pipeline throughput (per CPU-second)', plugin && naive && plugin.wordPieces / plugin.cpuSeconds / (naive.wordPieces / naive.cpuSeconds), (v) => `${num(v, 2)}x`, '≥ 1.50x', (v) => v >= 1.5),
		info('plugin / naive pipeline throughput (wall clock)', plugin && naive && `${num(plugin.wordPiecesPerSecond / naive.wordPiecesPerSecond, 2)}x`),
		info('cores each part got (CPU-s / wall-s): plugin, naive, native', plugin && naive && native && [plugin, naive, native].map((e) => num(e.cpuSeconds / e.seconds, 2)).join(', ')),
		// Padding of the batches the plugin's indexer really formed (sorted per window of notes).
		target('padding share, plugin batches (sorted per window, ≤32)', plugin?.batchLengths && padding(plugin.batchLengths).share, pct, '≤ 10 %', (v) => v <= 0.1),
		info('padding share, sorted over the whole corpus', corpus && pct(corpus.sorted.share)),
		info('padding share, unsorted 32 (peers)', corpus && pct(corpus.naive.share)),
	];
	for (const n of [1_000, 10_000, 100_000]) {
		const s = at(n);
		const goal = n === 10_000 ? 10 : n === 100_000 ? 50 : undefined;
		out.push(info(`search ${n / 1000}k passages p50`, s && `${num(s.p50Ms, 2)} ms`));
		out.push(goal === undefined ? info(`search ${n / 1000}k passages p95`, s && `${num(s.p95Ms, 2)} ms`) : target(`search ${n / 1000}k passages p95`, s?.p95Ms, (v) => `${num(v, 2)} ms`, `≤ ${goal} ms`, (v) => v <= goal));
	}
	const ms = (t: { p50Ms: number; p95Ms: number }): string => `${num(t.p50Ms, 0)} ms / ${num(t.p95Ms, 0)} ms`;
	out.push(
		info('answers: sentences per highlighted row (load average during the part)', answers && `${num(answers.sentencesPerRow, 1)} (load ${answers.loadavg.map((l) => num(l, 1)).join(' → ')})`),
		info('answers: highlight time per query, first row p50 / p95', answers && ms(answers.firstRow)),
		info(`answers: highlight time per query, all ${answers?.rows ?? 20} rows p50 / p95`, answers && ms(answers.allRows)),
		info('search 10k incl. query embedding, highlighting off p50 / p95', answers && ms(answers.searchOff)),
		info('search 10k incl. query embedding, highlighting on p50 / p95', answers && ms(answers.searchOn)),
		target('search p95 with highlighting on minus off', answers && answers.searchOn.p95Ms - answers.searchOff.p95Ms, (v) => `${num(v, 0)} ms`, '≤ 100 ms', (v) => v <= 100),
	);
	out.push(
		info('IndexedDB load, 10k notes (read all + build index)', idb && `${num(idb.loadMs + idb.indexMs, 0)} ms (read ${num(idb.loadMs, 0)} + index ${num(idb.indexMs, 0)}; ${idb.passages} passages)`),
		info(
			'keyword index at load: reading the passage texts + building it',
			idb?.lexicalMs === undefined ? undefined : `+${num(idb.loadMs - (idb.loadWithoutTextsMs ?? NaN), 0)} ms read (${num(idb.textMChars ?? NaN, 1)} M chars) + ${num(idb.lexicalMs, 0)} ms build (${num(idb.lexicalCpuMs ?? NaN, 0)} ms CPU)`,
		),
		info('peak RSS, embedding path (plugin)', plugin && `${num(plugin.peakRssMb, 0)} MB`),
		info('peak RSS, naive pipeline / native', naive && native && `${num(naive.peakRssMb, 0)} MB / ${num(native.peakRssMb, 0)} MB`),
		info('main.js size (production build)', size && `${num(size.mainJsBytes / 1e6, 2)} MB (gzip ${num(size.mainJsGzipBytes / 1e6, 2)} MB)`),
		target('plugin onload (shim), first run (cold)', onload?.firstMs, (v) => `${num(v, 2)} ms`, '≤ 20 ms', (v) => v <= 20),
		info('plugin onload, median of fresh instances', onload && `${num(onload.p50Ms, 2)} ms`),
		info('built main.js: evaluate + first onload', onload?.mainJsEvalMs === undefined ? undefined : `${num(onload.mainJsEvalMs, 0)} ms + ${num(onload.mainJsOnloadMs ?? NaN, 2)} ms`),
	);
	out.push(...underNoteRows(ok(r.underNote)));
	out.push(...browserRows(r));
	out.push(...mainThreadRows(ok(r.mainThread)?.runs ?? []));
	for (const [name, part] of Object.entries(r)) {
		if (failed(part)) out.push({ metric: `part ${name} failed`, value: part.error.slice(0, 120), target: '', status: 'error' });
	}
	return out;
}

/** The section under a note, redrawn per update in Chromium: the default 20 rows carry the 5 ms target. */
function underNoteRows(part: UnderNoteResult | undefined): Row[] {
	if (part?.skipped !== undefined) return [info('related notes under the note, render per update', `skipped: ${part.skipped}`)];
	const rows = (part?.rows ?? [{ rows: 20 } as Partial<UnderNoteRow>]).map((m): Row => {
		const where = m.place === 'in-view' ? 'in view (editor scrolled to the end)' : 'below the window';
		const metric = `related notes under the note, ${m.rows} rows, ${where}: render per update, main-thread CPU (Chromium, layout included)`;
		const detail = (v: number) => `${num(v, 2)} ms (wall p50 ${num(m.p50Ms ?? NaN, 2)}, p95 ${num(m.p95Ms ?? NaN, 2)}, script p50 ${num(m.scriptP50Ms ?? NaN, 2)}; ${m.runs ?? 0} updates)`;
		return m.rows === 20 ? target(metric, m.cpuMs, detail, '≤ 5 ms', (v) => v <= 5) : info(metric, m.cpuMs === undefined ? undefined : detail(m.cpuMs));
	});
	rows.push(info('yardstick: 20 plain rows of 4 divs built + laid out, main-thread CPU', part?.baselineCpuMs === undefined ? undefined : `${num(part.baselineCpuMs, 2)} ms`));
	return rows;
}

/** The built plugin indexing the sample vault: no main-thread task over 100 ms, or the app freezes. */
function mainThreadRows(runs: MainThreadRun[]): Row[] {
	return runs.map((m) => {
		const metric = `built plugin in Chromium, ${m.dtype}: longest main-thread task while the first index runs`;
		if (!m.observerWorks) return { metric, value: 'the long-task observer missed a deliberate 150 ms block', target: '≤ 100 ms', status: 'error' };
		const detail = (v: number): string => `${num(v, 0)} ms (${m.indexingLongTasks} tasks over 50 ms; ${num(m.modelLoadLongestMs, 0)} ms while the model loaded; load ${m.loadavg.map((l) => num(l, 1)).join(' → ')})`;
		return target(metric, m.indexingLongestMs, detail, '≤ 100 ms', (v) => v <= 100);
	});
}

/** Memory the worker(s) added to the page's renderer at its peak (peak − VmRSS before any worker), MB. */
const workersMb = (run: BrowserRun): number => run.memory.peakMb - run.memory.pageMb;

/** Issue 11's real-browser figures: the plugin's worker bundle in headless Chromium, real model. */
function browserRows(r: BenchResults): Row[] {
	const runs = ok(r.browser)?.runs ?? [];
	const native = ok(r.browserNative);
	const search = ok(r.browserSearch);
	const find = (workers: number, dtype: string): BrowserRun | undefined => runs.find((x) => x.workers === workers && x.dtype === dtype);
	const one = find(1, 'fp32');
	const two = find(2, 'fp32');
	const q8 = find(1, 'q8');
	const shown = (x: BrowserRun | undefined): string | undefined =>
		x && `${num(x.wordPiecesPerSecond, 0)} wp/s (${num(x.cpuSeconds / x.seconds, 2)} cores; ${x.workersStarted} worker(s) started; first model load ${num(x.loadSeconds, 1)} s)`;
	const mb = (v: number): string => `${num(v, 0)} MB`;
	return [
		info('browser: first index of the corpus (same model calls in every row below)', one && `${one.passages} passages / ${one.wordPieces} word pieces`),
		info('browser: plugin worker bundle, N = 1, fp32 (real model)', shown(one)),
		info('browser: plugin worker bundle, N = 2, fp32', shown(two)),
		target('browser: N = 2 / N = 1 throughput (wall clock)', one && two && two.wordPiecesPerSecond / one.wordPiecesPerSecond, (v) => `${num(v, 2)}x`, '≥ 1.70x', (v) => v >= 1.7),
		// How much of its CPU time the pool turns into throughput compared with one worker: near
		// 1.0x, N = 2 is held back only by the cores the machine had free.
		info('browser: N = 2 / N = 1 per renderer CPU-second', one && two && `${num(two.wordPieces / two.cpuSeconds / (one.wordPieces / one.cpuSeconds), 2)}x`),
		info('native onnxruntime-node, real model, same batches', native && `${num(native.wordPiecesPerSecond, 0)} wp/s (${num(native.cpuSeconds / native.seconds, 2)} cores)`),
		target('browser: plugin N = 2 / native throughput (wall clock)', two && native && two.wordPiecesPerSecond / native.wordPiecesPerSecond, (v) => `${num(v, 2)}x`, '≥ 0.25x', (v) => v >= 0.25),
		info('browser: plugin N = 1 / native throughput (wall clock)', one && native && `${num(one.wordPiecesPerSecond / native.wordPiecesPerSecond, 2)}x`),
		info('browser: N = 1, q8', shown(q8)),
		info('browser: q8 / fp32 throughput, N = 1 (wall clock)', q8 && one && `${num(q8.wordPiecesPerSecond / one.wordPiecesPerSecond, 2)}x`),
		info('renderer: page alone, 1 fp32 worker loaded, peak', one && `${mb(one.memory.pageMb)}, ${mb(one.memory.loadedMb)}, ${mb(one.memory.peakMb)}`),
		info('renderer: page alone, 2 fp32 workers at peak, 3 s after the run', two && `${mb(two.memory.pageMb)}, ${mb(two.memory.peakMb)}, ${mb(two.memory.settledMb)}`),
		target('browser: first fp32 worker at peak (renderer peak − page alone, N = 1)', one && workersMb(one), mb, '≤ 450 MB', (v) => v <= 450),
		target('browser: each extra fp32 worker at peak (renderer peak N = 2 − N = 1)', one && two && two.memory.peakMb - one.memory.peakMb, mb, '≤ 450 MB', (v) => v <= 450),
		info('browser: q8 worker at peak (renderer peak − page alone)', q8 && mb(workersMb(q8))),
		info('browser: first index while searching, N = 1', search && `${search.notes} notes, ${search.embedded} passages in ${num(search.indexSeconds, 1)} s; ${search.searches} searches, ${search.gapMs} ms apart`),
		info('browser: search while indexing p50 (call → results)', search && `${num(search.p50Ms, 0)} ms`),
		target('browser: search while indexing p95 (call → results)', search?.p95Ms, (v) => `${num(v, 0)} ms (max ${num(search?.maxMs ?? NaN, 0)} ms)`, '≤ 1000 ms', (v) => v <= 1000),
	];
}

/** Prints the table and returns its rows (saved into latest.json). */
export function report(r: BenchResults): Row[] {
	const print = (line: string): boolean => process.stdout.write(`${line}\n`);
	const table = rows(r);
	const w = [0, 0, 0];
	for (const row of table) {
		w[0] = Math.max(w[0], row.metric.length);
		w[1] = Math.max(w[1], row.value.length);
		w[2] = Math.max(w[2], row.target.length);
	}
	print(`\n${'metric'.padEnd(w[0])}  ${'value'.padEnd(w[1])}  ${'target'.padEnd(w[2])}  status`);
	for (const row of table) print(`${row.metric.padEnd(w[0])}  ${row.value.padEnd(w[1])}  ${row.target.padEnd(w[2])}  ${row.status}`);
	const missed = table.filter((row) => row.status === 'miss' || row.status === 'error').length;
	print(missed === 0 ? '\nall targets met' : `\n${missed} row(s) missed or failed`);
	return table;
}

/** The same rows as a Markdown table, for docs/BENCHMARKS.md. */
export function markdown(table: readonly Row[]): string {
	const lines = ['| metric | value | target | status |', '|---|---|---|---|'];
	for (const row of table) lines.push(`| ${row.metric} | ${row.value} | ${row.target} | ${row.status} |`);
	return `${lines.join('\n')}\n`;
}
