import { getAllTags, TFile, type App } from 'obsidian';

/** A note's tags ('#name') from the metadata cache: frontmatter and inline, as Obsidian's search sees them. */
export function noteTags(app: App, path: string): string[] {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) return [];
	const cache = app.metadataCache.getFileCache(file);
	return cache ? (getAllTags(cache) ?? []) : [];
}
