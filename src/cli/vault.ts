import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingEngine } from '../core/embedding/types';
import { DiskVectorStore } from '../core/index/disk-store';
import { createExclusions, defaultExclusionPatterns } from '../core/index/exclusions';
import { FsNoteSource } from '../core/index/fs-note-source';
import { indexVault } from '../core/index/index-vault';
import type { Exclusions, IndexReport, VectorStore } from '../core/index/types';
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
                       the config folder and *.excalidraw.md are always left out
  --config-dir NAME    the vault's Obsidian config folder, if renamed (default .obsidian)
  --json               machine-readable output`;

/**
 * The vault folder, resolved through symbolic links so one vault always maps to one cache.
 * Commands call it before loading the model, so a typo fails in milliseconds.
 */
export async function resolveVault(dir: string, cwd: string): Promise<string> {
	const resolved = path.resolve(cwd, dir);
	try {
		const real = await realpath(resolved);
		if ((await stat(real)).isDirectory()) return real;
	} catch {
		// Reported below, the same way for "missing" and "not a folder".
	}
	throw new UsageError(`vault folder not found: ${resolved}`);
}

/** A folder per vault: its name for people, a hash of its real path so two "Notes" vaults differ. */
export function vaultCacheDir(cacheRoot: string, vault: string): string {
	const id = createHash('sha256').update(vault).digest('hex').slice(0, 16);
	const name = path.basename(vault).replace(/[^\w.-]+/g, '_') || 'vault';
	return path.join(cacheRoot, 'vaults', `${name}-${id}`);
}

export interface UpdatedVault {
	report: IndexReport;
	store: VectorStore;
	exclusions: Exclusions;
}

/**
 * Brings the index of `vault` (from {@link resolveVault}) up to date and hands back the open store
 * (caller closes it). Unchanged notes cost a stat each; only new or edited notes are embedded.
 */
export async function updateVaultIndex(
	ctx: CliContext,
	vault: string,
	values: { 'cache-dir'?: string; exclude?: string[]; 'config-dir'?: string },
	engine: EmbeddingEngine,
): Promise<UpdatedVault> {
	const cacheDir = values['cache-dir'] === undefined ? vaultCacheDir(ctx.cacheRoot, vault) : path.resolve(ctx.io.cwd, values['cache-dir']);
	const exclusions = createExclusions([...defaultExclusionPatterns(values['config-dir']), ...(values.exclude ?? [])]);
	const store = new DiskVectorStore(cacheDir);
	try {
		const report = await indexVault({ source: new FsNoteSource(vault), store, engine, exclusions });
		return { report, store, exclusions };
	} catch (error) {
		await store.close();
		throw error;
	}
}
