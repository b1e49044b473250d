// Builds the three artefacts: the plugin (main.js, with the embedding worker and the ORT WASM
// binary inlined, because Obsidian installs only main.js, manifest.json and styles.css), and the
// `note-search` CLI (dist/cli.cjs) for Node.
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';


const production = process.argv[2] === 'production';

// transformers.js' browser build statically imports the WebGPU flavour of ORT-web; we only run
// the WASM backend and register our own ORT instance, so point that import at the WASM build.
const ortAlias = { 'onnxruntime-web/webgpu': 'onnxruntime-web/wasm' };

/** Builds the worker script to a string and serves it to main.js as `virtual:embedding-worker`. */
const inlineWorker = {
	name: 'inline-worker',
	setup(build) {
		build.onResolve({ filter: /^virtual:embedding-worker$/ }, (args) => ({ path: args.path, namespace: 'inline-worker' }));
		build.onLoad({ filter: /.*/, namespace: 'inline-worker' }, async () => {
			const result = await esbuild.build({
				entryPoints: ['src/worker/worker-entry.ts'],
				bundle: true,
				write: false,
				format: 'iife',
				platform: 'browser',
				target: 'es2022',
				minify: production,
				alias: ortAlias,
				loader: { '.wasm': 'binary' },
				define: { 'process.env.NODE_ENV': '"production"' },
				logLevel: 'warning',
			});
			return { contents: `export default ${JSON.stringify(result.outputFiles[0].text)};`, loader: 'js' };
		});
	},
};

const plugin = esbuild.context({
	entryPoints: ['src/main.ts'],
	bundle: true,
	external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
	format: 'cjs',
	platform: 'browser',
	target: 'es2022',
	logLevel: 'info',
	sourcemap: production ? false : 'inline',
	treeShaking: true,
	minify: production,
	alias: ortAlias,
	plugins: [inlineWorker],
	outfile: 'main.js',
});

const cli = esbuild.context({
	entryPoints: ['src/cli/main.ts'],
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	logLevel: 'info',
	// Native and large runtime packages stay in node_modules; the CLI runs from the checkout.
	packages: 'external',
	// One transformers.js build everywhere: the web build the plugin bundles and the tests alias
	// (vitest.config.ts), not the Node build with onnxruntime-node and sharp. Aliasing to a file
	// bundles it; its own imports stay external.
	alias: {
		'@huggingface/transformers': fileURLToPath(new URL('./node_modules/@huggingface/transformers/dist/transformers.web.js', import.meta.url)),
	},
	// src/core/embedding/node.ts reads import.meta.url only when loaded as ESM; in this CJS bundle
	// it uses __filename, so the empty import.meta esbuild warns about is never read.
	logOverride: { 'empty-import-meta': 'silent' },
	banner: { js: '#!/usr/bin/env node' },
	outfile: 'dist/cli.cjs',
});

const contexts = await Promise.all([plugin, cli]);
if (production) {
	await Promise.all(contexts.map((c) => c.rebuild()));
	await Promise.all(contexts.map((c) => c.dispose()));
} else {
	await Promise.all(contexts.map((c) => c.watch()));
}
