// Builds the three artefacts: the plugin (main.js, with the embedding worker and the ORT WASM
// binary inlined, because Obsidian installs only main.js, manifest.json and styles.css), and the
// `note-search` CLI (dist/cli.cjs) for Node. The plugin's options are shared with the browser e2e.
import esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { pluginBuildOptions } from './scripts/plugin-build.mjs';

const production = process.argv[2] === 'production';
const root = fileURLToPath(new URL('.', import.meta.url));

const plugin = esbuild.context(pluginBuildOptions({ root, production }));

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
	// src/node/node-engine.ts reads import.meta.url only when loaded as ESM; in this CJS bundle
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
