import { TFile, type App, type Component, type TAbstractFile } from 'obsidian';
import type { IndexPort } from './ports';

/** How long a note must stay unchanged before it is re-embedded: typing should not re-embed per key. */
export const EDIT_DEBOUNCE_MS = 2000;

function isNote(file: TAbstractFile): file is TFile {
	return file instanceof TFile && file.extension === 'md';
}

/**
 * Forwards vault changes to the index. Called from `onLayoutReady` only: before that Obsidian
 * fires `create` for every existing file, and the start-up sync already covers those.
 * Edits are debounced per note; deletes and renames are forwarded at once (they are cheap and
 * must not race a pending edit of the same note).
 */
export function registerVaultEvents(
	owner: Component,
	app: App,
	index: Pick<IndexPort, 'changed' | 'deleted' | 'renamed'>,
	editDelayMs = EDIT_DEBOUNCE_MS,
): void {
	const pending = new Map<string, number>();
	const cancel = (path: string) => {
		const timer = pending.get(path);
		if (timer !== undefined) window.clearTimeout(timer);
		pending.delete(path);
	};
	const edited = (file: TAbstractFile) => {
		if (!isNote(file)) return;
		cancel(file.path);
		const path = file.path;
		pending.set(
			path,
			window.setTimeout(() => {
				pending.delete(path);
				index.changed(path);
			}, editDelayMs),
		);
	};
	owner.register(() => {
		for (const timer of pending.values()) window.clearTimeout(timer);
		pending.clear();
	});

	owner.registerEvent(app.vault.on('create', edited));
	owner.registerEvent(app.vault.on('modify', edited));
	// `changed` comes after Obsidian parsed the new content; it shares the same per-note timer.
	owner.registerEvent(app.metadataCache.on('changed', edited));
	owner.registerEvent(
		app.vault.on('delete', (file) => {
			if (!isNote(file)) return;
			cancel(file.path);
			index.deleted(file.path);
		}),
	);
	owner.registerEvent(
		app.vault.on('rename', (file, oldPath) => {
			const wasNote = oldPath.endsWith('.md');
			const hadPendingEdit = pending.has(oldPath);
			cancel(oldPath);
			if (!isNote(file)) {
				if (wasNote) index.deleted(oldPath);
				return;
			}
			if (wasNote) index.renamed(oldPath, file.path);
			if (!wasNote || hadPendingEdit) edited(file);
		}),
	);
}
