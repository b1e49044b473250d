// Builds the three artefacts: the plugin (main.js, with the embedding worker and the ORT WASM
// binary inlined, because Obsidian installs only main.js, manifest.json and styles.css), and the
// `note-search` CLI (dist/cli.cjs) for Node. The worker's build is shared with the browser e2e.
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildWorkerSource, inlineWorker, ORT_ALIAS } from './scripts/worker-build.mjs';

const production = process.argv[2] === 'production';
const root = fileURLToPath(new URL('.', import.meta.url));

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
	alias: ORT_ALIAS,
	// The reference fixture is bundled as text for the plugin's model check.
	loader: { '.toml': 'text' },
	// The worker is bundled (gzipped WASM inside) on each build and inlined as a string.
	plugins: [inlineWorker(() => buildWorkerSource({ root, minify: production }))],
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
