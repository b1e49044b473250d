import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';

export default defineConfig([
	globalIgnores(['node_modules/', 'main.js', 'dist/', 'tests/.generated/', 'bench-results/']),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'scripts/*.mjs'] },
			},
		},
	},
	{
		// The CLI, scripts and tests run in Node, not in Obsidian: Node built-ins are their platform.
		files: ['src/cli/**', 'scripts/**', 'tests/**', 'esbuild.config.mjs'],
		rules: { 'import/no-nodejs-modules': 'off', 'obsidianmd/no-nodejs-modules': 'off' },
	},
	{
		// Code that never runs inside Obsidian: the CLI, scripts, tests, and the core modules only the
		// CLI and tests load. The guidelines below are about Obsidian's window and API.
		files: [
			'src/cli/**',
			'scripts/**',
			'tests/**',
			'src/core/embedding/node.ts',
			'src/core/index/disk-store.ts',
			'src/core/index/fs-note-source.ts',
		],
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
		// These files ARE Obsidian's createEl/createDiv/createSpan for pages and tests without
		// Obsidian, so they cannot call the helpers they define.
		files: ['tests/shims/**', 'scripts/browser/obsidian-dom.ts'],
		rules: { 'obsidianmd/prefer-create-el': 'off' },
	},
]);
