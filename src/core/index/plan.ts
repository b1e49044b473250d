import type { Exclusions, VaultFile } from './types';

/** What the indexer remembers of a stored record without holding its vectors. */
export interface KnownRecord {
	path: string;
	mtime: number;
	size: number;
	hash: string;
	passages: number;
	failure?: string;
}

export interface StartupPlan {
	/** Listed, not excluded, sorted by path. */
	listed: VaultFile[];
	/** Same mtime and size as stored: nothing to read. */
	unchanged: number;
	/** New or changed (mtime or size): to read, hash and maybe embed. */
	work: VaultFile[];
	/** Stored but no longer listed: deleted, or renamed while the app was closed. */
	vanished: KnownRecord[];
	/** Stored but now excluded. */
	excluded: string[];
}

/** Same mtime and size as stored: the note is taken as unchanged without reading it. */
export function isUnchanged(k: KnownRecord | undefined, f: VaultFile): boolean {
	return k !== undefined && k.mtime === f.mtime && k.size === f.size;
}

/** The startup diff: cheap metadata comparison first; content hashes are checked later, per note. */
export function planStartup(files: readonly VaultFile[], known: ReadonlyMap<string, KnownRecord>, exclusions: Exclusions): StartupPlan {
	const listed = files.filter((f) => !exclusions.isExcluded(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const listedPaths = new Set(listed.map((f) => f.path));
	const excluded: string[] = [];
	const vanished: KnownRecord[] = [];
	for (const k of known.values()) {
		if (exclusions.isExcluded(k.path)) excluded.push(k.path);
		else if (!listedPaths.has(k.path)) vanished.push(k);
	}
	let unchanged = 0;
	const work: VaultFile[] = [];
	for (const f of listed) {
		if (isUnchanged(known.get(f.path), f)) unchanged++;
		else work.push(f);
	}
	return { listed, unchanged, work, vanished, excluded };
}

/**
 * Pairs new files with vanished records of the same content: a rename made while the app was
 * closed. Only files whose size matches a vanished record are candidates, so a first index
 * reads nothing extra. `hashOf` returns undefined when a file cannot be read.
 */
export async function matchRenames(
	work: readonly VaultFile[],
	vanished: readonly KnownRecord[],
	known: ReadonlyMap<string, KnownRecord>,
	hashOf: (file: VaultFile) => Promise<string | undefined>,
): Promise<[from: KnownRecord, to: VaultFile][]> {
	const bySize = new Map<number, KnownRecord[]>();
	for (const v of vanished) {
		if (!v.hash) continue;
		const list = bySize.get(v.size) ?? [];
		list.push(v);
		bySize.set(v.size, list);
	}
	const pairs: [KnownRecord, VaultFile][] = [];
	if (bySize.size === 0) return pairs;
	for (const f of work) {
		if (known.has(f.path)) continue;
		const candidates = bySize.get(f.size);
		if (!candidates || candidates.length === 0) continue;
		const hash = await hashOf(f);
		if (hash === undefined) continue;
		const i = candidates.findIndex((c) => c.hash === hash);
		if (i < 0) continue;
		pairs.push([candidates[i], f]);
		candidates.splice(i, 1);
	}
	return pairs;
}
