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
	row.addEventListener('mouseover', (event) => {
		app.workspace.trigger('hover-link', {
			event,
			source: HOVER_SOURCE,
			hoverParent,
			targetEl: row,
			linktext: `${result.path}${headingSubpath(result.heading)}`,
			sourcePath: '',
		});
	});
}
