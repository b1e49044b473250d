import type { App, HoverParent } from 'obsidian';
import type { SearchResult } from '../../core/search/types';
import { headingSubpath } from './navigate';

/** The id the plugin registers with the Page preview core plugin (Settings → Page preview lists it). */
export const HOVER_SOURCE = 'semantic-note-search';

/**
 * Hovering a result asks Obsidian's Page preview for its popover of the note at the best
 * passage's heading; Page preview decides, from the user's setting for this source, whether the
 * Mod key must be held.
 */
export function previewOnHover(app: App, row: HTMLElement, result: Pick<SearchResult, 'path' | 'heading'>, hoverParent: HoverParent): void {
	row.addEventListener('mouseover', (event) => askPreview(app, event, row, result, hoverParent));
}

/** The page preview request for a pointer over `row` (lists with one listener for all rows call it directly). */
export function askPreview(app: App, event: MouseEvent, row: HTMLElement, result: Pick<SearchResult, 'path' | 'heading'>, hoverParent: HoverParent): void {
	app.workspace.trigger('hover-link', {
		event,
		source: HOVER_SOURCE,
		hoverParent,
		targetEl: row,
		linktext: `${result.path}${headingSubpath(result.heading)}`,
		sourcePath: '',
	});
}
