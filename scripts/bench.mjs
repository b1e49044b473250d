#!/usr/bin/env node
// `npm run bench`: measures the plugin's hot paths in ONE run and prints them against targets.
// Not a test (timings depend on the machine); writes bench-results/latest.json.
//
// Each part is a TypeScript file in scripts/bench/, bundled here with esbuild and run in its own
// child process, so WASM heaps and peak RSS of one part never leak into another.
// `node scripts/bench.mjs search onload` runs only the named parts, and BENCH_WORD_PIECES=2000
// shrinks the embedding corpus, BENCH_SEARCH_WORD_PIECES=8000 the vault indexed while searching
// (both for development; the recorded numbers use the defaults).
import esbuild from 'esbuild';
import { nodeBundle } from './node-bundle.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = join(root, 'bench-results');
const buildDir = join(outDir, '.build');
mkdirSync(buildDir, { recursive: true });

const PARTS = ['model', 'corpus', 'embed-plugin', 'embed-naive', 'embed-native', 'search', 'answers', 'idb-load', 'size', 'onload', 'browser-embed', 'browser-native', 'browser-search', 'under-note', 'main-thread'];
/** Parts that embed the corpus (and so need the synthetic model, whose tokenizer made it). */
const EMBEDDING = ['corpus', 'embed-plugin', 'embed-naive', 'embed-native', 'answers', 'browser-embed', 'browser-native', 'browser-search'];
// `--report` re-prints the table of the last full run (bench-results/latest.json) without measuring.
const reportOnly = process.argv.includes('--report');
const only = process.argv.slice(2).filter((a) => a !== '--report');
const unknown = only.filter((p) => !PARTS.includes(p));
if (unknown.length > 0) throw new Error(`unknown part(s) ${unknown.join(', ')}; known: ${PARTS.join(', ')}`);
const wanted = (part) => only.length === 0 || only.includes(part);

/** Bundles scripts/bench/<name>.ts (and the src it imports) into bench-results/.build/<name>.mjs. */
async function build(name) {
	const outfile = join(buildDir, `${name}.mjs`);
	await esbuild.build({
		...nodeBundle(join(root, 'scripts/bench', `${name}.ts`), outfile),
		alias: { obsidian: join(root, 'tests/shims/obsidian.ts') },
		plugins: [workerStub],
		// ESM output of CJS-style code (e.g. __dirname in deps) needs a require shim.
		banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
	});
	return outfile;
}

/** In Node the plugin's onload must not need the real worker bundle: a stub string stands in. */
const workerStub = {
	name: 'worker-stub',
	setup(b) {
		b.onResolve({ filter: /^virtual:embedding-worker$/ }, (a) => ({ path: a.path, namespace: 'worker-stub' }));
		b.onLoad({ filter: /.*/, namespace: 'worker-stub' }, () => ({ contents: 'export default function carrier() {/*! worker stub */}', loader: 'js' }));
	},
};

/** Runs one part in a fresh Node process and returns its JSON result (or an error row). */
/** Ample: on the shared 2-core machine at load 15–20 the naive part took over 4 minutes. */
const PART_TIMEOUT_MS = 900_000;

async function run(name, input) {
	const file = await build(name);
	const resultFile = join(buildDir, `${name}.result.json`);
	const t0 = performance.now();
	// Other work on the machine skews timings: the 1-minute load average as each part starts says how much.
	const load = loadavg()[0];
	results.machine.loadavgByPart.push(`${name} ${load.toFixed(1)}`);
	process.stdout.write(`  ${name} (load ${load.toFixed(1)}) ... `);
	const child = spawnSync(process.execPath, [file, resultFile, JSON.stringify(input)], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: PART_TIMEOUT_MS,
	});
	const secs = ((performance.now() - t0) / 1000).toFixed(1);
	if (child.status !== 0) {
		print(`FAILED after ${secs}s`);
		print((child.stderr || child.stdout || String(child.error)).split('\n').slice(-15).join('\n'));
		const lines = (child.stderr || String(child.error)).split('\n');
		return { error: lines.find((l) => /Error\b/.test(l))?.trim() ?? lines.filter(Boolean).slice(-3).join(' | ') };
	}
	print(`${secs}s`);
	return JSON.parse(readFileSync(resultFile, 'utf8'));
}

const failed = (result) => 'error' in result;

function machine() {
	const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
	const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
	const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || String(cpus().length);
	// The load average tells whether other work shared the cores during the run.
	return {
		nproc: Number(nproc),
		cpu: model,
		ramGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
		node: process.version,
		platform: `${process.platform}-${process.arch}`,
		loadavgAtStart: loadavg(),
		loadavgByPart: [],
	};
}

/** Scripts print their results; stdout directly (the plugin's no-console rule is about Obsidian). */
const print = (line) => process.stdout.write(`${line}\n`);

if (reportOnly) {
	const last = JSON.parse(readFileSync(join(outDir, 'latest.json'), 'utf8'));
	// eslint-disable-next-line no-unsanitized/method -- the path is our own freshly built file
	const { report, markdown } = await import(await build('report'));
	last.rows = report(last);
	writeFileSync(join(outDir, 'latest.md'), markdown(last.rows));
	writeFileSync(join(outDir, 'latest.json'), JSON.stringify(last, null, '\t'));
	process.exit(0);
}

const started = performance.now();
const results = { date: new Date().toISOString(), machine: machine() };
const loads = (l) => l.map((x) => x.toFixed(2)).join(', ');
print(`bench on ${results.machine.cpu}, ${results.machine.nproc} cores, ${results.machine.ramGiB} GiB RAM, node ${results.machine.node}; load average ${loads(results.machine.loadavgAtStart)}`);

const modelDir = join(outDir, 'model');
if (wanted('model') || EMBEDDING.some(wanted)) {
	// The synthetic MiniLM: same graph and shapes as the real one, so the same compute.
	// The runner skips regeneration when the folder already holds the current model.
	const runner = join(root, 'scripts/synthetic-model.mjs');
	if (existsSync(runner)) {
		const gen = spawnSync(process.execPath, [runner, modelDir], { cwd: root, encoding: 'utf8' });
		if (gen.status !== 0) throw new Error(`synthetic model generation failed:\n${gen.stderr}`);
	} else if (!existsSync(join(modelDir, 'onnx', 'model.onnx'))) {
		throw new Error(`no synthetic model: ${runner} is missing and ${modelDir} is empty`);
	}
}
const corpusFile = join(buildDir, 'corpus.json');
const batchesFile = join(buildDir, 'plugin-batches.json');
const embedInput = { modelDir, corpusFile, batchesFile };

if (EMBEDDING.some(wanted)) {
	results.corpus = await run('corpus', { modelDir, vaultDir: join(root, 'fixtures/sample-vault'), corpusFile, targetWordPieces: Number(process.env.BENCH_WORD_PIECES ?? 12_000) });
}
// Never replay a previous run's batches.
const browserBatchesFile = join(buildDir, 'browser-batches.json');
rmSync(batchesFile, { force: true });
rmSync(browserBatchesFile, { force: true });
if (wanted('embed-plugin')) results.plugin = await run('embed-plugin', embedInput);
// Native replays the plugin's batches, so it runs after it.
if (wanted('embed-native')) results.native = await run('embed-native', embedInput);
if (wanted('embed-naive')) results.naive = await run('embed-naive', embedInput);
// The real browser runs the real all-MiniLM-L6-v2 (`npm run reference:setup` exports it): the
// plugin's own worker bundle in headless Chromium, then native onnxruntime on its batches.
const realModelDir = join(root, '.cache/real-model');
const noRealModel = existsSync(join(realModelDir, 'onnx', 'model_quantized.onnx')) ? undefined : { error: `no real model in ${realModelDir}: run npm run reference:setup` };
if (wanted('browser-embed')) {
	results.browser = noRealModel ?? (await run('browser-throughput', { root, modelDir: realModelDir, corpusFile, browserBatchesFile }));
}
if (wanted('browser-native')) results.browserNative = noRealModel ?? (await run('embed-native', { modelDir: realModelDir, corpusFile, batchesFile: browserBatchesFile }));
if (wanted('browser-search')) {
	// A vault of several indexing windows (the embedding corpus is about one), so searches meet a
	// run in full swing.
	const vaultFile = join(buildDir, 'search-vault.json');
	const vault = await run('corpus', { modelDir, vaultDir: join(root, 'fixtures/sample-vault'), corpusFile: vaultFile, targetWordPieces: Number(process.env.BENCH_SEARCH_WORD_PIECES ?? 40_000) });
	results.browserSearch = noRealModel ?? (failed(vault) ? vault : await run('browser-search', { root, modelDir: realModelDir, notesFile: vaultFile, gapMs: 100 }));
}
if (wanted('search')) results.search = await run('search', { sizes: [1_000, 10_000, 100_000], queries: 200 });
if (wanted('answers')) results.answers = await run('answers', { modelDir, corpusFile, passages: 10_000, queries: 40, highlightQueries: 5 });
if (wanted('idb-load')) results.idb = await run('idb-load', { notes: 10_000, passagesPerNote: 3 });
if (wanted('size')) results.size = await run('size', { root });
if (wanted('onload')) results.onload = await run('onload', { runs: 20, root });
if (wanted('main-thread')) results.mainThread = noRealModel ?? (await run('main-thread', { root, modelDir: realModelDir }));
if (wanted('under-note')) results.underNote = await run('under-note', { root, rowCounts: [20, 100], runs: 200 });

results.totalSeconds = (performance.now() - started) / 1000;
results.machine.loadavgAtEnd = loadavg();
// The report (targets, ratios, table) is TypeScript too; it runs in this process.
// eslint-disable-next-line no-unsanitized/method -- the path is our own freshly built file
const { report, markdown } = await import(await build('report'));
results.rows = report(results);
// A partial run (named parts) never overwrites the full run's record.
const name = only.length === 0 ? 'latest' : 'partial';
writeFileSync(join(outDir, `${name}.md`), markdown(results.rows));
writeFileSync(join(outDir, `${name}.json`), JSON.stringify(results, null, '\t'));
print(`\nload average at the end ${loads(results.machine.loadavgAtEnd)}`);
print(`wrote bench-results/${name}.json and ${name}.md (${results.totalSeconds.toFixed(0)} s in all)`);
