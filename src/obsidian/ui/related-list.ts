import { Keymap, type App, type HoverParent } from 'obsidian';
import { explainEmpty } from '../../core/search/explain';
import type { SearchResult } from '../../core/search/types';
import { userMessage } from '../runtime/errors';
import type { SearchAnswer } from '../runtime/ports';
import { previewOnHover } from './hover-preview';
import { linkTo, openAtPassage } from './navigate';
import { noteName } from './progress-text';
import { renderResult } from './result-row';

/** A related-notes query as it ended: the answer, or the error that stopped it. */
export type RelatedOutcome = { answer: SearchAnswer } | { error: unknown };

/** What the rows need from the view or section that holds them. */
export interface RelatedListOwner {
	app: App;
	/** Owns the page preview of a hovered row. */
	hoverParent: HoverParent;
	/** The threshold quoted in "nothing similar enough". */
	threshold: number;
}

/**
 * The notes related to `path`, as the sidebar and the section under a note show them: a row per
 * note (click opens it at the passage, Mod-click or middle click in a new tab, drag drops a link,
 * hover asks for the page preview), or the sentence saying why there is none.
 */
export function renderRelated(el: HTMLElement, owner: RelatedListOwner, path: string, outcome: RelatedOutcome): void {
	if ('error' in outcome) {
		el.createDiv({ cls: 'sns-empty', text: userMessage(outcome.error) });
		return;
	}
	const { results, reason } = outcome.answer;
	if (results.length === 0) {
		el.createDiv({ cls: 'sns-empty', text: explainEmpty(reason ?? 'below-threshold', { subject: noteName(path), threshold: owner.threshold }) });
		return;
	}
	const { app } = owner;
	const list = el.createDiv({ cls: 'sns-related-list' });
	for (const result of results) {
		const row = list.createDiv({ cls: 'sns-related-row', attr: { draggable: 'true' } });
		renderResult(row, result);
		// Plain listeners: rows are replaced on every refresh and their listeners go with them.
		// Like Obsidian's own lists: Mod-click opens a new tab (Mod+Alt a split), a middle click a new tab.
		row.addEventListener('click', (evt) => void openAtPassage(app, result, Keymap.isModEvent(evt)));
		row.addEventListener('auxclick', (evt) => {
			if (evt.button === 1) void openAtPassage(app, result, 'tab');
		});
		row.addEventListener('dragstart', (evt) => dragLink(app, evt, result, path));
		previewOnHover(app, row, result, owner.hoverParent);
	}
}

/** Dragging a row into an editor drops a link to the note, like dragging from the file explorer. */
function dragLink(app: App, evt: DragEvent, result: SearchResult, sourcePath: string): void {
	const link = linkTo(app, result, sourcePath, false);
	if (!link || !evt.dataTransfer) return;
	evt.dataTransfer.setData('text/plain', link);
	evt.dataTransfer.effectAllowed = 'copyLink';
}
