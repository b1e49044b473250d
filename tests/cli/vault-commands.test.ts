/**
 * index / search / related, in-process on the bag-of-words FakeEmbedder (texts sharing words
 * score high), over real folders: a vault and a cache root in temp directories.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION } from '../../src/core/search/calibration';
import { expectOneLineError, runCli } from './context';

let tmp: string;
let vault: string;
let cacheRoot: string;

function note(relative: string, text: string): void {
	const file = path.join(vault, relative);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
}

function listTree(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const cli = (argv: string[]) => runCli(argv, { cacheRoot });

interface Results {
	threshold: number;
	results: { path: string; score: number; band: string; heading: string; snippet: string; answer?: string[] }[];
	reason?: string;
	message?: string;
	containsWords?: { path: string; words: string[]; heading: string; snippet: string }[];
}

beforeEach(() => {
	tmp = mkdtempSync(path.join(os.tmpdir(), 'note-search-cli-'));
	vault = path.join(tmp, 'My Vault');
	cacheRoot = path.join(tmp, 'cache');
	note('Projects/MCP servers.md', '# MCP servers\n\nThe MCP server exposes tools over stdio to the model client.\n');
	note('Skiing.md', '# Telemark\n\nTelemark skiing uses a free heel binding and a deep lunging turn.\n');
	note('Cooking.md', '# Bread\n\nBake the bread in a hot oven until the crust is dark.\n');
	note('Private/diary.md', 'The MCP server diary: stdio tools everywhere.\n');
	// The default config folder: a vault on disk does not say if it was renamed, so the CLI assumes it.
	note('.obsidian/workspace.md', 'MCP server settings\n');
});

afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('note-search index', () => {
	it('prints the report as JSON, then reuses everything on a second run', async () => {
		const first = await cli(['index', vault, '--exclude', 'Private/', '--json']);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		const report = JSON.parse(first.stdout) as Record<string, unknown>;
		expect(Object.keys(report)).toEqual(['notes', 'chunks', 'embedded', 'reused', 'renamed', 'removed', 'failed', 'seconds']);
		// .obsidian/ is always excluded, Private/ by the option.
		expect(report).toMatchObject({ notes: 3, reused: 0, renamed: 0, removed: 0, failed: [] });
		expect(report.embedded).toBe(report.chunks);
		expect(typeof report.seconds).toBe('number');

		const second = JSON.parse((await cli(['index', vault, '--exclude', 'Private/', '--json'])).stdout) as Record<string, unknown>;
		expect(second).toMatchObject({ notes: 3, embedded: 0, reused: 3 });
	});

	it('keeps the index outside the vault, one folder per vault under the cache root', async () => {
		const before = listTree(vault);
		expect((await cli(['index', vault])).code).toBe(0);
		expect(listTree(vault)).toEqual(before);
		const vaults = readdirSync(path.join(cacheRoot, 'vaults'));
		expect(vaults).toHaveLength(1);
		expect(vaults[0]).toMatch(/^My_Vault-[0-9a-f]{16}$/);
	});

	it('leaves out a renamed config folder given with --config-dir', async () => {
		note('.config/plugins.md', 'plugin settings\n');
		const paths = async (extra: string[]) =>
			(JSON.parse((await cli(['search', vault, 'plugin settings', '--threshold=-1', '--json', ...extra])).stdout) as Results).results.map((r) => r.path);
		expect(await paths([])).toContain('.config/plugins.md');
		expect(await paths(['--config-dir', '.config'])).not.toContain('.config/plugins.md');
	});

	it('honours --cache-dir, and moves a renamed note without embedding it again', async () => {
		const cacheDir = path.join(cacheRoot, 'explicit');
		await cli(['index', vault, '--cache-dir', cacheDir]);
		renameSync(path.join(vault, 'Skiing.md'), path.join(vault, 'Telemark.md'));
		const report = JSON.parse((await cli(['index', vault, '--cache-dir', cacheDir, '--json'])).stdout) as Record<string, unknown>;
		expect(report).toMatchObject({ renamed: 1, embedded: 0 });
		expect(readdirSync(cacheDir)).toContain('meta.json');
	});

	it('prints a one-line summary for people', async () => {
		const out = await cli(['index', vault]);
		expect(out.stdout).toMatch(/^4 notes, \d+ passages: \d+ passages embedded, 0 notes reused, 0 renamed, 0 removed, 0 failed \(\d+\.\d s\)\n$/);
	});

	it('rejects a missing vault before loading the model', async () => {
		const out = await cli(['index', path.join(vault, 'nope')]);
		expectOneLineError(out, /vault folder not found: .*nope/);
		expect(out.requests).toEqual([]);
		expectOneLineError(await cli(['index']), /exactly one VAULT_DIR/);
	});

	it('says "not a folder" for a vault path that is a file', async () => {
		const file = path.join(vault, 'Cooking.md');
		for (const argv of [['index', file], ['search', file, 'bread']]) {
			const out = await cli(argv);
			expectOneLineError(out, new RegExp(`: not a folder: ${escapeRe(file)}\\n$`));
			expect(out.requests).toEqual([]);
		}
	});

	it('reports a --cache-dir that is a file in one line, before loading the model', async () => {
		const file = path.join(path.dirname(vault), 'cache-file');
		writeFileSync(file, 'not a folder');
		for (const argv of [['index', vault, '--cache-dir', file], ['search', vault, 'bread', '--cache-dir', file]]) {
			const out = await cli(argv);
			expectOneLineError(out, new RegExp(`: cache folder ${escapeRe(file)} is a file\\n$`));
			expect(out.requests).toEqual([]);
		}
		const below = await cli(['index', vault, '--cache-dir', path.join(file, 'sub')]);
		expectOneLineError(below, /cache folder .*cache-file.sub cannot be created: part of its path is a file/);
	});
});

describe('note-search search', () => {
	it('prints {"threshold", "results": [{path, score, band, heading, snippet, answer}]} best first, updating the index first', async () => {
		const out = await cli(['search', vault, 'MCP server tools over stdio', '--exclude', 'Private/', '--json']);
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		const doc = JSON.parse(out.stdout) as Results;
		expect(Object.keys(doc)).toEqual(['threshold', 'results', 'containsWords']);
		expect(doc.threshold).toBe(DEFAULT_CALIBRATION.threshold);
		expect(doc.results.length).toBeGreaterThan(0);
		expect(Object.keys(doc.results[0])).toEqual(['path', 'score', 'band', 'heading', 'snippet', 'answer']);
		expect(doc.results[0].path).toBe('Projects/MCP servers.md');
		expect(doc.results[0].answer).toEqual(['The MCP server exposes tools over stdio to the model client.']);
		expect(doc.results.map((r) => r.path)).not.toContain('Private/diary.md');
		expect(doc.results.map((r) => r.path)).not.toContain('.obsidian/workspace.md');
		for (const r of doc.results) expect(['strong', 'related']).toContain(r.band);
	});

	it('sees a note created since the last run', async () => {
		await cli(['index', vault]);
		note('New.md', 'Sourdough starter feeding schedule\n');
		const doc = JSON.parse((await cli(['search', vault, 'sourdough starter feeding', '--json'])).stdout) as Results;
		expect(doc.results[0]?.path).toBe('New.md');
	});

	it('applies --limit and --threshold, and explains an empty list', async () => {
		const limited = JSON.parse((await cli(['search', vault, 'the', '--limit', '1', '--threshold=-1', '--json'])).stdout) as Results;
		expect(limited.results).toHaveLength(1);
		expect(limited.threshold).toBe(-1);

		const none = await cli(['search', vault, 'quantum chromodynamics lattice', '--threshold', '0.99', '--json']);
		expect(none.code).toBe(0);
		const doc = JSON.parse(none.stdout) as Results;
		expect(doc).toMatchObject({ threshold: 0.99, results: [], reason: 'below-threshold' });
		expect(doc.message).toMatch(/No notes are similar enough.*0\.99.*--threshold/);

		const plain = await cli(['search', vault, 'quantum chromodynamics lattice', '--threshold', '0.99']);
		expect(plain.stdout).toMatch(/^No notes are similar enough[^\n]*\n$/);
	});

	it('prints score, band, path › heading and a snippet for people', async () => {
		const out = await cli(['search', vault, 'telemark skiing turn']);
		const [first, snippet] = out.stdout.split('\n');
		expect(first).toMatch(/^\d\.\d{3} {2}(strong |related) {2}Skiing\.md › Telemark$/);
		expect(snippet.trim()).toBe('**Telemark skiing uses a free heel binding and a deep lunging turn.**');
	});

	it('lists notes below the threshold that hold the query\'s rare words apart, as "containsWords", from the index on disk', async () => {
		await cli(['index', vault, '--exclude', 'Private/']);
		// A fresh command reads the index from the cache folder: the words were stored with the vectors.
		const doc = JSON.parse((await cli(['search', vault, 'telemark', '--threshold', '0.99', '--json'])).stdout) as Results;
		expect(doc).toMatchObject({ results: [], reason: 'below-threshold' });
		expect(doc.containsWords).toEqual([{ path: 'Skiing.md', words: ['telemark'], heading: 'Telemark', snippet: 'Telemark skiing uses a free heel binding and a deep lunging turn.' }]);

		const plain = (await cli(['search', vault, 'telemark', '--threshold', '0.99'])).stdout.split('\n');
		expect(plain.slice(0, 4)).toEqual([expect.stringMatching(/^No notes are similar enough/), '', 'Contains your words:', 'telemark          Skiing.md › Telemark']);

		const related = JSON.parse((await cli(['related', vault, 'Skiing.md', '--json'])).stdout) as Results;
		expect(related).not.toHaveProperty('containsWords');
	});

	it('accepts a negative --threshold given as a separate argument', async () => {
		for (const argv of [['--threshold', '-0.1'], ['--threshold=-0.1']]) {
			const out = await cli(['search', vault, 'the', '--json', ...argv]);
			expect(out.stderr).toBe('');
			expect((JSON.parse(out.stdout) as Results).threshold).toBe(-0.1);
		}
		const below = await cli(['search', vault, 'the', '--threshold', '-1.5']);
		expectOneLineError(below, /--threshold must be a number in \[-1, 1\], got "-1\.5"/);
	});

	it('rejects bad --limit and --threshold values as usage errors', async () => {
		expectOneLineError(await cli(['search', vault, 'q', '--limit', '0']), /--limit must be a number in \[1, 10000\], got "0"/);
		expectOneLineError(await cli(['search', vault, 'q', '--limit', '2.5']), /--limit must be a whole number/);
		expectOneLineError(await cli(['search', vault, 'q', '--threshold', 'high']), /--threshold must be a number in \[-1, 1\]/);
		expectOneLineError(await cli(['search', vault]), /VAULT_DIR and QUERY/);
	});
});

describe('note-search related', () => {
	it('lists related notes, never the note itself; the note may be given as a file path', async () => {
		note('Servers.md', 'Running an MCP server: the tools go over stdio to the client.\n');
		for (const given of ['Projects/MCP servers.md', path.join(vault, 'Projects', 'MCP servers.md')]) {
			const out = await cli(['related', vault, given, '--threshold=-1', '--json']);
			expect(out.code, out.stderr).toBe(0);
			const doc = JSON.parse(out.stdout) as Results;
			expect(doc.results[0]?.path).toBe('Servers.md');
			expect(doc.results.map((r) => r.path)).not.toContain('Projects/MCP servers.md');
		}
	});

	it('explains an excluded note and rejects one that does not exist', async () => {
		const excluded = await cli(['related', vault, 'Private/diary.md', '--exclude', 'Private/', '--json']);
		expect(JSON.parse(excluded.stdout)).toMatchObject({ results: [], reason: 'not-indexed' });
		const missing = await cli(['related', vault, 'Nope.md']);
		expectOneLineError(missing, /no note Nope\.md in the vault/);
		expect(missing.requests).toEqual([]);
	});
});

describe('remembered exclusions', () => {
	const cacheDir = () => path.join(cacheRoot, 'explicit');
	const found = async (extra: string[] = []) =>
		(JSON.parse((await cli(['search', vault, 'MCP server stdio diary', '--threshold=-1', '--json', '--cache-dir', cacheDir(), ...extra])).stdout) as Results).results.map(
			(r) => r.path,
		);
	const stored = () => JSON.parse(readFileSync(path.join(cacheDir(), 'exclusions.json'), 'utf8')) as unknown;

	it('search and related use the --exclude last given to index for the same cache folder', async () => {
		expect((await cli(['index', vault, '--exclude', 'Private/', '--cache-dir', cacheDir()])).code).toBe(0);
		expect(stored()).toEqual({ exclude: ['Private/'] });
		expect(await found()).not.toContain('Private/diary.md');
		const related = await cli(['related', vault, 'Private/diary.md', '--cache-dir', cacheDir(), '--json']);
		expect(JSON.parse(related.stdout)).toMatchObject({ results: [], reason: 'not-indexed' });
	});

	it('a new --exclude replaces the remembered ones, and --exclude "" forgets them', async () => {
		await cli(['index', vault, '--exclude', 'Private/', '--cache-dir', cacheDir()]);
		expect(await found(['--exclude', 'Cooking.md'])).toContain('Private/diary.md');
		expect(stored()).toEqual({ exclude: ['Cooking.md'] });
		expect(await found()).not.toContain('Cooking.md');
		expect(await found(['--exclude', ''])).toEqual(expect.arrayContaining(['Private/diary.md', 'Cooking.md']));
		expect(await found()).toEqual(expect.arrayContaining(['Private/diary.md', 'Cooking.md']));
	});

	it('keeps them per cache folder, and remembers --config-dir too', async () => {
		note('.config/plugins.md', 'MCP server plugin settings\n');
		await cli(['index', vault, '--exclude', 'Private/', '--config-dir', '.config']);
		const defaultCache = readdirSync(path.join(cacheRoot, 'vaults')).map((d) => path.join(cacheRoot, 'vaults', d))[0];
		expect(JSON.parse(readFileSync(path.join(defaultCache, 'exclusions.json'), 'utf8'))).toEqual({ exclude: ['Private/'], configDir: '.config' });
		const paths = (JSON.parse((await cli(['search', vault, 'MCP server', '--threshold=-1', '--json'])).stdout) as Results).results.map((r) => r.path);
		expect(paths).not.toContain('Private/diary.md');
		expect(paths).not.toContain('.config/plugins.md');
		// another cache folder remembers nothing
		expect(await found()).toContain('Private/diary.md');
	});

	it('writes nothing when no exclusion option was ever given', async () => {
		await cli(['index', vault, '--cache-dir', cacheDir()]);
		expect(existsSync(path.join(cacheDir(), 'exclusions.json'))).toBe(false);
	});

	it('reports a damaged exclusions.json in one line', async () => {
		mkdirSync(cacheDir(), { recursive: true });
		writeFileSync(path.join(cacheDir(), 'exclusions.json'), '{"exclude": "Private/"}');
		const out = await cli(['search', vault, 'bread', '--cache-dir', cacheDir()]);
		expectOneLineError(out, /exclusions\.json is not \{"exclude": \[GLOB, \.\.\.\]/);
		expect(out.requests).toEqual([]);
		// a new --exclude overrides (and repairs) it
		expect((await cli(['search', vault, 'bread', '--cache-dir', cacheDir(), '--exclude', 'Private/'])).code).toBe(0);
		expect(stored()).toEqual({ exclude: ['Private/'] });
	});
});

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
