// Node-only: the CLI reads a vault folder directly. The plugin bundle never imports this.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoteSource, VaultFile } from '../core/index/types';

/**
 * NoteSource over a vault folder: every `*.md` file below `root`, with '/'-separated paths
 * relative to it (as Obsidian names them). Symbolic links are not followed, so a link cannot
 * pull files from outside the vault into the index. Exclusions are applied by the indexer.
 */
export class FsNoteSource implements NoteSource {
	constructor(readonly root: string) {}

	async list(): Promise<VaultFile[]> {
		const out: VaultFile[] = [];
		const walk = async (dir: string, rel: string): Promise<void> => {
			let entries;
			try {
				entries = await readdir(dir, { withFileTypes: true });
			} catch {
				return;
			}
			for (const e of entries) {
				const path = rel ? `${rel}/${e.name}` : e.name;
				const full = join(dir, e.name);
				if (e.isDirectory()) await walk(full, path);
				else if (e.isFile() && /\.md$/i.test(e.name)) {
					try {
						const s = await stat(full);
						out.push({ path, mtime: Math.floor(s.mtimeMs), size: s.size });
					} catch {
						// Vanished between listing and stat: it simply is not part of this run.
					}
				}
			}
		};
		await walk(this.root, '');
		return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	read(path: string): Promise<string> {
		if (path.split('/').includes('..')) return Promise.reject(new Error(`path leaves the vault: ${path}`));
		return readFile(join(this.root, ...path.split('/')), 'utf8');
	}
}

