import { TFile, type Vault } from 'obsidian';
import type { NoteSource, VaultFile } from '../../core/index/types';

/** The vault as the indexer sees it: markdown notes, read through Obsidian's cache. */
export class ObsidianNoteSource implements NoteSource {
	constructor(private readonly vault: Vault) {}

	list(): Promise<VaultFile[]> {
		return Promise.resolve(this.vault.getMarkdownFiles().map((f) => ({ path: f.path, mtime: f.stat.mtime, size: f.stat.size })));
	}

	async read(path: string): Promise<string> {
		const file = this.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) throw new Error(`Note not found: ${path}`);
		// cachedRead: the indexer only needs what Obsidian shows, and it avoids a disk read per note.
		return this.vault.cachedRead(file);
	}
}
