// How the embedding worker is built: one module for esbuild.config.mjs (main.js) and
// scripts/browser/build.ts (the real-browser e2e), so the e2e runs exactly the plugin's worker.
import esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * transformers.js' browser build statically imports the WebGPU flavour of ORT-web; we only run
 * the WASM backend and register our own ORT instance, so point that import at the WASM build.
 */
export const ORT_ALIAS = { 'onnxruntime-web/webgpu': 'onnxruntime-web/wasm' };

const GZIP_BASE64 = '?gzip-base64';

/** A file's bytes as the worker receives them: gzip level 9, then base64. */
export function gzipBase64(bytes) {
	return gzipSync(bytes, { level: 9 }).toString('base64');
}

/**
 * `import text from 'some/file.wasm?gzip-base64'` gives the file's bytes through gzipBase64(), so
 * ORT's 14 MB WASM binary weighs ~4.9 MB in main.js instead of 19 MB as plain base64;
 * src/worker/inflate-wasm.ts restores it inside the worker, off the main thread.
 */
const gzipBase64Plugin = {
	name: 'gzip-base64',
	setup(build) {
		build.onResolve({ filter: /\?gzip-base64$/ }, async (args) => {
			const target = args.path.slice(0, -GZIP_BASE64.length);
			const resolved = await build.resolve(target, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir });
			if (resolved.errors.length > 0) return { errors: resolved.errors };
			return { path: resolved.path, namespace: 'gzip-base64' };
		});
		build.onLoad({ filter: /.*/, namespace: 'gzip-base64' }, async (args) => ({
			contents: `export default ${JSON.stringify(gzipBase64(await readFile(args.path)))};`,
			loader: 'js',
			watchFiles: [args.path],
		}));
	},
};

/** Bundles src/worker/worker-entry.ts (transformers.js, ORT-web, its WASM binary) into one script. */
export async function buildWorkerSource({ root, minify }) {
	const result = await esbuild.build({
		entryPoints: [join(root, 'src/worker/worker-entry.ts')],
		absWorkingDir: root,
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		minify,
		alias: ORT_ALIAS,
		define: { 'process.env.NODE_ENV': '"production"' },
		plugins: [gzipBase64Plugin],
		logLevel: 'warning',
	});
	return result.outputFiles[0].text;
}

/** Serves the worker script to the bundle as `virtual:embedding-worker` (src/obsidian/runtime/worker-factory.ts). */
export function inlineWorker(workerSource) {
	return {
		name: 'inline-worker',
		setup(build) {
			build.onResolve({ filter: /^virtual:embedding-worker$/ }, (args) => ({ path: args.path, namespace: 'inline-worker' }));
			build.onLoad({ filter: /.*/, namespace: 'inline-worker' }, async () => ({
				contents: `export default ${JSON.stringify(await workerSource())};`,
				loader: 'js',
			}));
		},
	};
}
