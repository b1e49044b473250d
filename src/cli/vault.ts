import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingEngine } from '../core/embedding/types';
import { createExclusions, defaultExclusionPatterns } from '../core/index/exclusions';
import type { Exclusions, IndexReport } from '../core/index/types';
import { inProcessEngine } from '../core/session/in-process-engine';
import { openSession, type IndexSession } from '../core/session/index-session';
import { DiskVectorStore } from '../node/disk-store';
import { FsNoteSource } from '../node/fs-note-source';
import { MODEL_OPTIONS } from './args';
import type { CliContext } from './command';
import { UsageError } from './errors';

/** Options of every command that works on a vault (index, search, related). */
export const VAULT_OPTIONS = {
	...MODEL_OPTIONS,
	'cache-dir': { type: 'string' },
	exclude: { type: 'string', multiple: true },
	'config-dir': { type: 'string' },
	json: { type: 'boolean' },
} as const;

export const VAULT_USAGE = `  --cache-dir DIR      where this vault's index is kept (default: a folder per vault under
                       ~/.cache/semantic-note-search/vaults, never inside the vault)
  --exclude GLOB       leave matching notes out (repeatable; "Folder/", "*.tmp.md", "Daily/**/2023-*.md");
                       the config folder and *.excalidraw.md are always left out. Remembered in the
                       cache folder (exclusions.json): later index/search/related runs on the same
                       cache use them when given no --exclude; a new --exclude replaces them all,
                       --exclude "" forgets them
  --config-dir NAME    the vault's Obsidian config folder, if renamed (default .obsidian; remembered
                       like --exclude)
  --json               machine-readable output`;

/**
 * The vault folder, resolved through symbolic links so one vault always maps to one cache.
 * Commands call it before loading the model, so a typo fails in milliseconds.
 */
export async function resolveVault(dir: string, cwd: string): Promise<string> {
	const resolved = path.resolve(cwd, dir);
	let real: string;
	try {
		real = await realpath(resolved);
	} catch {
		throw new UsageError(`vault folder not found: ${resolved}`);
	}
	if (!(await stat(real)).isDirectory()) throw new UsageError(`not a folder: ${resolved}`);
	return real;
}

/** A folder per vault: its name for people, a hash of its real path so two "Notes" vaults differ. */
export function vaultCacheDir(cacheRoot: string, vault: string): string {
	const id = createHash('sha256').update(vault).digest('hex').slice(0, 16);
	const name = path.basename(vault).replace(/[^\w.-]+/g, '_') || 'vault';
	return path.join(cacheRoot, 'vaults', `${name}-${id}`);
}

/** The exclusion options remembered in a cache folder, so `search` leaves out what `index` did. */
export interface RememberedExclusions {
	/** The --exclude patterns (without the defaults). */
	exclude: string[];
	/** The --config-dir, when one was given. */
	configDir?: string;
}

export const EXCLUSIONS_FILE = 'exclusions.json';

/** Where a vault's index lives and what it leaves out, settled before the model loads. */
export interface VaultCache {
	cacheDir: string;
	/** What this run uses: the options given, else what the cache folder remembers. */
	remembered: RememberedExclusions;
	/** True when the options differ from what is stored, so the store is written after indexing. */
	changed: boolean;
	exclusions: Exclusions;
}

/**
 * The cache folder for `vault` (--cache-dir, else one per vault under the cache root), created,
 * and the exclusions to use: --exclude / --config-dir when given (each replaces what was
 * remembered), else what the folder's exclusions.json remembers. Called before the model loads,
 * so a cache path that is a file fails in milliseconds with one line.
 */
export async function prepareVaultCache(
	ctx: CliContext,
	vault: string,
	values: { 'cache-dir'?: string; exclude?: string[]; 'config-dir'?: string },
): Promise<VaultCache> {
	const cacheDir = values['cache-dir'] === undefined ? vaultCacheDir(ctx.cacheRoot, vault) : path.resolve(ctx.io.cwd, values['cache-dir']);
	await ensureFolder(cacheDir);
	// A new --exclude replaces the file, so a damaged one need not stop it.
	const stored = await readRemembered(cacheDir, values.exclude !== undefined);
	const remembered: RememberedExclusions = {
		exclude: values.exclude ?? stored?.exclude ?? [],
		...((values['config-dir'] ?? stored?.configDir) === undefined ? {} : { configDir: values['config-dir'] ?? stored?.configDir }),
	};
	const changed = JSON.stringify(remembered) !== JSON.stringify(stored ?? { exclude: [] });
	const exclusions = createExclusions([...defaultExclusionPatterns(remembered.configDir), ...remembered.exclude]);
	return { cacheDir, remembered, changed, exclusions };
}

async function ensureFolder(dir: string): Promise<void> {
	try {
		await mkdir(dir, { recursive: true });
	} catch (error) {
		const code = errorCode(error);
		if (code === 'EEXIST' || code === 'ENOTDIR') {
			const isFile = await stat(dir).then(
				(s) => !s.isDirectory(),
				() => false,
			);
			throw new UsageError(isFile ? `cache folder ${dir} is a file` : `cache folder ${dir} cannot be created: part of its path is a file`);
		}
		throw new UsageError(`cannot create cache folder ${dir} (${code})`);
	}
}

/** What exclusions.json says; undefined when absent, or when damaged and `lenient`. */
async function readRemembered(cacheDir: string, lenient: boolean): Promise<RememberedExclusions | undefined> {
	const file = path.join(cacheDir, EXCLUSIONS_FILE);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return undefined;
		throw new UsageError(`cannot read ${file} (${errorCode(error)})`);
	}
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		doc = undefined;
	}
	const d = doc as Partial<Record<keyof RememberedExclusions, unknown>> | undefined;
	const valid =
		typeof d === 'object' &&
		d !== null &&
		Array.isArray(d.exclude) &&
		d.exclude.every((p) => typeof p === 'string') &&
		(d.configDir === undefined || typeof d.configDir === 'string');
	if (!valid && lenient) return undefined;
	if (!valid) throw new UsageError(`${file} is not {"exclude": [GLOB, ...], "configDir"?: NAME}: fix it, delete it, or pass --exclude`);
	return { exclude: d.exclude as string[], ...(d.configDir === undefined ? {} : { configDir: d.configDir as string }) };
}

function errorCode(error: unknown): string {
	return error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
}

export interface UpdatedVault {
	report: IndexReport;
	/** The vault's session, its search index current; the caller disposes it. */
	session: IndexSession;
}

/**
 * Brings the index of `vault` (from {@link resolveVault}) up to date in `cache` (from
 * {@link prepareVaultCache}): the store is read once, unchanged notes cost a stat each, only new
 * or edited notes are embedded. Once the index reflects new exclusion options, they are
 * remembered for later runs.
 */
export async function updateVaultIndex(vault: string, cache: VaultCache, engine: EmbeddingEngine): Promise<UpdatedVault> {
	const { cacheDir, exclusions } = cache;
	const session = await openSession({ engine: inProcessEngine(engine), store: new DiskVectorStore(cacheDir), source: new FsNoteSource(vault), exclusions });
	try {
		const report = await session.sync();
		if (cache.changed) await writeFile(path.join(cacheDir, EXCLUSIONS_FILE), `${JSON.stringify(cache.remembered)}\n`);
		return { report, session };
	} catch (error) {
		await session.dispose();
		throw error;
	}
}
