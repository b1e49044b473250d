// The plugin's esbuild options (main.js, with the embedding worker and the ORT WASM binary
// inlined), shared by esbuild.config.mjs and the browser e2e, which loads the same production
// main.js into its page.
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { buildWorkerSource, inlineWorker } from './worker-build.mjs';

/** @param {{ root: string, production: boolean }} options */
export function pluginBuildOptions({ root, production }) {
	return {
		entryPoints: [join(root, 'src/main.ts')],
		bundle: true,
		external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
		format: /** @type {const} */ ('cjs'),
		platform: /** @type {const} */ ('browser'),
		target: 'es2022',
		logLevel: /** @type {const} */ ('info'),
		sourcemap: production ? false : /** @type {const} */ ('inline'),
		treeShaking: true,
		minify: production,
		// The reference fixture is bundled as text for the plugin's model check.
		loader: { '.toml': /** @type {const} */ ('text') },
		// The worker is bundled (gzipped WASM inside) on each build and inlined as a string.
		plugins: [inlineWorker(() => buildWorkerSource({ root, minify: production }))],
		outfile: join(root, 'main.js'),
	};
}
