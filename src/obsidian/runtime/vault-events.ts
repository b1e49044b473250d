import { TFile, TFolder, type App, type Component, type TAbstractFile } from 'obsidian';
import type { IndexPort } from './ports';

function isNote(file: TAbstractFile): file is TFile {
	return file instanceof TFile && file.extension === 'md';
}

/**
 * Forwards vault changes to the index. Called from `onLayoutReady` only: before that Obsidian
 * fires `create` for every existing file, and the start-up sync already covers those.
 * Every edit is forwarded; the indexer debounces per note, so typing re-embeds once it pauses.
 * A folder's `rename` is ignored: Obsidian fires `rename` (with the old path) for every file
 * inside it as well, and those per-note events move the records, so nothing is re-embedded.
 * A folder's `delete` drops every note indexed under it: whether each file inside also gets its
 * own `delete` is not documented, and dropping a record twice is harmless.
 */
export function registerVaultEvents(owner: Component, app: App, index: Pick<IndexPort, 'changed' | 'deleted' | 'folderDeleted' | 'renamed'>): void {
	const changed = (file: TAbstractFile) => {
		if (isNote(file)) index.changed(file.path);
	};
	owner.registerEvent(app.vault.on('create', changed));
	owner.registerEvent(app.vault.on('modify', changed));
	// `changed` follows Obsidian's parse of the new content (also for edits made outside Obsidian).
	owner.registerEvent(app.metadataCache.on('changed', changed));
	owner.registerEvent(
		app.vault.on('delete', (file) => {
			if (isNote(file)) index.deleted(file.path);
			else if (file instanceof TFolder) index.folderDeleted(file.path);
		}),
	);
	owner.registerEvent(
		app.vault.on('rename', (file, oldPath) => {
			if (!(file instanceof TFile)) return; // a folder (even one named "x.md"): its files follow
			const wasNote = oldPath.endsWith('.md');
			if (isNote(file)) {
				if (wasNote) index.renamed(oldPath, file.path);
				else index.changed(file.path);
			} else if (wasNote) {
				index.deleted(oldPath);
			}
		}),
	);
}
