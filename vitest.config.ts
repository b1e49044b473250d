import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	// .toml files import as their text, as esbuild's text loader does for the plugin.
	plugins: [{ name: 'toml-as-text', transform: (code: string, id: string) => (id.endsWith('.toml') ? `export default ${JSON.stringify(code)};` : undefined) }],
	resolve: {
		alias: {
			// Obsidian is a closed app: tests run against a small, faithful in-memory shim.
			obsidian: fileURLToPath(new URL('./tests/shims/obsidian.ts', import.meta.url)),
			// One transformers.js build everywhere: the web build the plugin bundles (the Node build
			// would load onnxruntime-node and sharp, which the engine never uses).
			'@huggingface/transformers': fileURLToPath(new URL('./node_modules/@huggingface/transformers/dist/transformers.web.js', import.meta.url)),
		},
	},
	test: {
		include: ['tests/**/*.test.ts'],
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		// Each WASM engine holds ~1 GB; two forks fit the 2-core CI machine.
		pool: 'forks',
		maxWorkers: 2,
	},
});
