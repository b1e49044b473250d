import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';

export default defineConfig([
	globalIgnores(['node_modules/', 'main.js', 'dist/', 'tests/.generated/', 'bench-results/', '.cache/']),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'scripts/*.mjs'],
					// The build and reference scripts are plain .mjs outside tsconfig: more than the default 8.
					maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
				},
			},
		},
	},
	{
		// The CLI, scripts and tests run in Node, not in Obsidian: Node built-ins are their platform.
		files: ['src/cli/**', 'src/node/**', 'scripts/**', 'tests/**', 'esbuild.config.mjs'],
		rules: { 'import/no-nodejs-modules': 'off', 'obsidianmd/no-nodejs-modules': 'off' },
	},
	{
		// What runs in Obsidian or the worker (core, worker, plugin) never reaches Node: Node-only
		// adapters live in src/node/, which only the CLI, scripts and tests import.
		files: ['src/core/**', 'src/worker/**', 'src/obsidian/**', 'src/main.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['node:*'], message: 'Node built-ins belong in src/node/: this code runs in Obsidian and its Web Worker.' },
						{ group: ['**/node/*', '**/node'], message: 'src/node/ is Node-only: the CLI, scripts and tests import it, the plugin never does.' },
					],
				},
			],
		},
	},
	{
		// Code that never runs inside Obsidian: the CLI, scripts, tests, and the Node adapters only the
		// CLI and tests load. The guidelines below are about Obsidian's window and API.
		files: ['src/cli/**', 'src/node/**', 'scripts/**', 'tests/**'],
		rules: {
			// Node has no `window` (or popout windows): its timers are the global ones, which is also
			// what vitest's fake timers replace.
			'obsidianmd/prefer-window-timers': 'off',
			// Node has no `window`: globalThis is how this code reaches globals (ORT's registration
			// symbol, the test shims' stand-in `window`).
			'obsidianmd/no-global-this': 'off',
			// The restricted globals are Obsidian advice (fetch → requestUrl, app, localStorage);
			// outside Obsidian requestUrl does not exist and fetch is the platform's own.
			'no-restricted-globals': 'off',
			// No Vault#configDir outside Obsidian: `.obsidian` here is test data, or the default a
			// folder on disk is assumed to use (the CLI takes --config-dir for a renamed one).
			'obsidianmd/hardcoded-config-path': 'off',
		},
	},
	{
		// The Obsidian shims implement Vault.delete (FileManager.trashFile calls it), and tests
		// delete notes the way a user or another plugin would: no plugin code deletes here.
		files: ['tests/**'],
		rules: { 'obsidianmd/prefer-file-manager-trash-file': 'off' },
	},
	{
		// These files ARE Obsidian's createEl/createDiv/createSpan and its detached elements for
		// pages and tests without Obsidian, so they cannot call the helpers they define.
		files: ['tests/shims/**', 'scripts/browser/obsidian-dom.ts', 'scripts/browser/host/**'],
		rules: { 'obsidianmd/prefer-create-el': 'off' },
	},
]);
