import { MarkdownView, Notice, TFile, type App, type PaneType } from 'obsidian';
import type { SearchResult } from '../../core/search/types';

/** The part of a result needed to open or link to it. */
export type ResultTarget = Pick<SearchResult, 'path' | 'heading' | 'start' | 'end'>;

function fileAt(app: App, path: string): TFile | null {
	const file = app.vault.getAbstractFileByPath(path);
	return file instanceof TFile ? file : null;
}

/** Line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; ch: number } {
	const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
	const line = before.split('\n').length - 1;
	return { line, ch: before.length - (before.lastIndexOf('\n') + 1) };
}

/**
 * Opens the note with the passage in view, in the current tab or where `newLeaf` says (what
 * `Keymap.isModEvent` returns for the event). The line goes into the ephemeral state, which is what
 * Obsidian's own search uses; the cursor is then set on the passage start so typing continues there.
 */
export async function openAtPassage(app: App, target: ResultTarget, newLeaf: PaneType | boolean = false): Promise<void> {
	const file = fileAt(app, target.path);
	if (!file) {
		new Notice(`The note ${target.path} no longer exists.`);
		return;
	}
	const text = await app.vault.cachedRead(file);
	const from = positionOf(text, target.start);
	const to = positionOf(text, target.end);
	const leaf = app.workspace.getLeaf(newLeaf);
	await leaf.openFile(file, { eState: { line: from.line, cursor: { from, to } }, active: true });
	const view = leaf.view;
	if (view instanceof MarkdownView && view.file === file) {
		view.editor.setCursor(from);
		view.editor.scrollIntoView({ from, to }, true);
	}
}

/** Characters that end or break a wikilink subpath; such headings are linked at note level. */
const UNSAFE_SUBPATH = /[#|^[\]]/;

/** A link to the result in the user's link format (wikilink or markdown), to its heading when safe. */
export function linkTo(app: App, target: Pick<ResultTarget, 'path' | 'heading'>, sourcePath: string, withHeading = true): string | null {
	const file = fileAt(app, target.path);
	if (!file) return null;
	return app.fileManager.generateMarkdownLink(file, sourcePath, withHeading ? headingSubpath(target.heading) : '');
}

/** `#Heading` for the innermost heading of a passage's heading path, or '' where a link cannot name it. */
export function headingSubpath(headingPath: string): string {
	const heading = headingPath.split(' > ').pop()?.trim() ?? '';
	return heading !== '' && !UNSAFE_SUBPATH.test(heading) ? `#${heading}` : '';
}

/**
 * Inserts a link at the cursor of the markdown editor `view`; false when there is none. In Reading
 * view the hidden editor would still take the link, at a cursor the user cannot see: refused.
 */
export function insertLink(app: App, view: MarkdownView | null, target: ResultTarget): boolean {
	if (!view?.file) {
		new Notice('Open a note in editing view to insert a link.');
		return false;
	}
	if (view.getMode() !== 'source') {
		new Notice('Switch the note to editing view to insert a link.');
		return false;
	}
	const link = linkTo(app, target, view.file.path);
	if (!link) return false;
	view.editor.replaceSelection(link);
	return true;
}
