// How the embedding worker is built: one module for esbuild.config.mjs (main.js) and
// scripts/browser/build.ts (the real-browser e2e), so the e2e runs exactly the plugin's worker.
import esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const GZIP_BASE64 = '?gzip-base64';

/** A file's bytes as the worker receives them: gzip level 9, then base64. */
export function gzipBase64(bytes) {
	return gzipSync(bytes, { level: 9 }).toString('base64');
}

/**
 * `import text from 'some/file.wasm?gzip-base64'` gives the file's bytes through gzipBase64(), so
 * ORT's 14 MB WASM binary weighs ~4.9 MB in main.js instead of 19 MB as plain base64 (the WebGPU
 * build's 27 MB one ~8.8 MB);
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

/**
 * Bundles src/worker/worker-entry.ts into one script: transformers.js, ORT-web's WASM build and
 * its WebGPU build (transformers.js' own import of ORT is the WebGPU build, so it is bundled once),
 * and the two WASM binaries, gzipped.
 */
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
		define: { 'process.env.NODE_ENV': '"production"' },
		plugins: [gzipBase64Plugin],
		logLevel: 'warning',
	});
	return result.outputFiles[0].text;
}

/**
 * Makes the worker script's text fit in a block comment on one line, reversibly: `%` becomes
 * `%25` first, so the escapes after it (`%2A/` for `*` `/`, `%0A` and `%0D` for line breaks) can
 * never be confused with text that was there. One line, because esbuild re-indents the lines of
 * a comment in a readable build and normalises its line endings, which would change the script's
 * template literals. src/obsidian/runtime/worker-carrier.ts undoes it.
 */
export function encodeForComment(text) {
	if (/[\u2028\u2029]/.test(text)) throw new Error('The worker script holds a U+2028/U+2029 line separator, which a one-line comment cannot carry: escape it in the source');
	return text.replaceAll('%', '%25').replaceAll('*/', '%2A/').replaceAll('\n', '%0A').replaceAll('\r', '%0D');
}

/**
 * Serves the worker script to the bundle as `virtual:embedding-worker`: a function whose source
 * text carries the script in a comment, read back by src/obsidian/runtime/worker-carrier.ts.
 * Not a string literal: Obsidian parses the whole main.js at every start, and V8 scans a 14 MB
 * comment about six times faster than a 14 MB string (31–48 ms against 180–280 ms, measured in
 * Node 20). `Function.prototype.toString` returns a function's exact source text, comments
 * included (ES2019), and a `/*!` comment is a legal comment, which esbuild keeps in place only
 * with `legalComments: 'inline'`, so the plugin sets that on every build it joins.
 */
export function inlineWorker(workerSource) {
	return {
		name: 'inline-worker',
		setup(build) {
			build.initialOptions.legalComments = 'inline';
			build.onResolve({ filter: /^virtual:embedding-worker$/ }, (args) => ({ path: args.path, namespace: 'inline-worker' }));
			build.onLoad({ filter: /.*/, namespace: 'inline-worker' }, async () => ({
				contents: `export default function carrier() {/*!${encodeForComment(await workerSource())}*/}`,
				loader: 'js',
			}));
		},
	};
}
