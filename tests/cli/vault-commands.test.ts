/**
 * index / search / related, in-process on the bag-of-words FakeEmbedder (texts sharing words
 * score high), over real folders: a vault and a cache root in temp directories.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION } from '../../src/core/search/calibration';
import { expectOneLineError, runCli } from './context';

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
	results: { path: string; score: number; band: string; heading: string; snippet: string }[];
	reason?: string;
	message?: string;
}

beforeEach(() => {
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'note-search-cli-'));
	vault = path.join(tmp, 'My Vault');
	cacheRoot = path.join(tmp, 'cache');
	note('Projects/MCP servers.md', '# MCP servers\n\nThe MCP server exposes tools over stdio to the model client.\n');
	note('Skiing.md', '# Telemark\n\nTelemark skiing uses a free heel binding and a deep lunging turn.\n');
	note('Cooking.md', '# Bread\n\nBake the bread in a hot oven until the crust is dark.\n');
	note('Private/diary.md', 'The MCP server diary: stdio tools everywhere.\n');
	// The default config folder: a vault on disk does not say if it was renamed, so the CLI assumes it.
	note('.obsidian/workspace.md', 'MCP server settings\n');
});

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
});

describe('note-search search', () => {
	it('prints {"threshold", "results": [{path, score, band, heading, snippet}]} best first, updating the index first', async () => {
		const out = await cli(['search', vault, 'MCP server tools over stdio', '--exclude', 'Private/', '--json']);
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		const doc = JSON.parse(out.stdout) as Results;
		expect(Object.keys(doc)).toEqual(['threshold', 'results']);
		expect(doc.threshold).toBe(DEFAULT_CALIBRATION.threshold);
		expect(doc.results.length).toBeGreaterThan(0);
		expect(Object.keys(doc.results[0])).toEqual(['path', 'score', 'band', 'heading', 'snippet']);
		expect(doc.results[0].path).toBe('Projects/MCP servers.md');
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
		expect(out.stdout.split('\n')[0]).toMatch(/^\d\.\d{3} {2}(strong |related) {2}Skiing\.md › Telemark$/);
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
