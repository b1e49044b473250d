import type { App } from 'obsidian';

/** Notes that link to `path` or that `path` links to, from the metadata cache's resolved links. */
export function linkedNotes(app: App, path: string): Set<string> {
	const links = app.metadataCache.resolvedLinks;
	const linked = new Set(Object.keys(links[path] ?? {}));
	for (const [source, targets] of Object.entries(links)) if (targets[path]) linked.add(source);
	return linked;
}
