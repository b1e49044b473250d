/**
 * Bundles the harness page for the browser. The embedding worker comes from the same build as
 * main.js's (scripts/worker-build.mjs, minified like the production build) and is served to the
 * page as `virtual:embedding-worker`, so the page runs the plugin's worker bundle.
 */
import esbuild from 'esbuild';
import { join } from 'node:path';
import { buildWorkerSource, inlineWorker, ORT_ALIAS } from '../worker-build.mjs';

export interface HarnessBundle {
	js: string;
	/** Size of the worker script (with the inlined, gzipped WASM), for the report. */
	workerBytes: number;
}

/** `entry` is the page script; other entries are for one-off diagnostics. */
export async function buildHarness(root: string, entry = 'scripts/browser/harness.ts'): Promise<HarnessBundle> {
	const worker = await buildWorkerSource({ root, minify: true });
	const result = await esbuild.build({
		entryPoints: [join(root, entry)],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		alias: ORT_ALIAS,
		define: { 'process.env.NODE_ENV': '"production"' },
		plugins: [inlineWorker(() => worker)],
		logLevel: 'warning',
		absWorkingDir: root,
	});
	return { js: result.outputFiles[0].text, workerBytes: worker.length };
}
