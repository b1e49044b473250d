/**
 * Bundles the harness page for the browser. The embedding worker is built exactly like
 * esbuild.config.mjs builds it for main.js (same entry, format, alias, WASM binary loader) and
 * served to the page as `virtual:embedding-worker`, so the page runs the plugin's worker bundle.
 */
import esbuild, { type Plugin } from 'esbuild';
import { join } from 'node:path';

/** Same as esbuild.config.mjs: transformers.js' WebGPU import points at ORT's WASM build. */
const ORT_ALIAS = { 'onnxruntime-web/webgpu': 'onnxruntime-web/wasm' };

async function buildWorker(root: string): Promise<string> {
	const result = await esbuild.build({
		entryPoints: [join(root, 'src/worker/worker-entry.ts')],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		minify: true,
		alias: ORT_ALIAS,
		loader: { '.wasm': 'binary' },
		define: { 'process.env.NODE_ENV': '"production"' },
		logLevel: 'warning',
		absWorkingDir: root,
	});
	return result.outputFiles[0].text;
}

function inlineWorker(source: string): Plugin {
	return {
		name: 'inline-worker',
		setup(build) {
			build.onResolve({ filter: /^virtual:embedding-worker$/ }, (args) => ({ path: args.path, namespace: 'inline-worker' }));
			build.onLoad({ filter: /.*/, namespace: 'inline-worker' }, () => ({ contents: `export default ${JSON.stringify(source)};`, loader: 'js' }));
		},
	};
}

export interface HarnessBundle {
	js: string;
	/** Size of the worker script (with the inlined WASM), for the report. */
	workerBytes: number;
}

/** `entry` is the page script; other entries are for one-off diagnostics. */
export async function buildHarness(root: string, entry = 'scripts/browser/harness.ts'): Promise<HarnessBundle> {
	const worker = await buildWorker(root);
	const result = await esbuild.build({
		entryPoints: [join(root, entry)],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		alias: ORT_ALIAS,
		define: { 'process.env.NODE_ENV': '"production"' },
		plugins: [inlineWorker(worker)],
		logLevel: 'warning',
		absWorkingDir: root,
	});
	return { js: result.outputFiles[0].text, workerBytes: worker.length };
}
