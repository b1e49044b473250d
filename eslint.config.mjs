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
]);
