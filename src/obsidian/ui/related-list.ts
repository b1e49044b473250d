import { Keymap, type App, type HoverParent } from 'obsidian';
import { explainEmpty } from '../../core/search/explain';
import type { SearchResult } from '../../core/search/types';
import { userMessage } from '../runtime/errors';
import type { SearchAnswer } from '../runtime/ports';
import { askPreview } from './hover-preview';
import { linkTo, openAtPassage } from './navigate';
import { noteName } from './progress-text';
import { renderResult, updateResult } from './result-row';

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
 * The notes related to a note, as the sidebar and the section under a note show them, at the end
 * of `el`: a row per note (click opens it at the passage, Mod-click or middle click in a new tab,
 * drag drops a link, hover asks for the page preview), or the sentence saying why there is none.
 * Showing another list reuses the rows already there and writes only what changed, so the browser
 * restyles and lays out only the changed text; the rows' listeners sit on the list and look up the
 * row's current result.
 */
export class RelatedList {
	private message: HTMLElement | null = null;
	private list: HTMLElement | null = null;
	private rows: HTMLElement[] = [];
	private results: SearchResult[] = [];
	/** The note the list is about (dragged links are relative to it). */
	private path = '';

	constructor(
		private readonly el: HTMLElement,
		private readonly app: App,
		private readonly hoverParent: HoverParent,
	) {}

	show(path: string, outcome: RelatedOutcome, threshold: number): void {
		this.path = path;
		if ('error' in outcome) return this.say(userMessage(outcome.error));
		const { results, reason } = outcome.answer;
		if (results.length === 0) return this.say(explainEmpty(reason ?? 'below-threshold', { subject: noteName(path), threshold }));
		this.message?.detach();
		this.message = null;
		const list = this.list ?? this.createList();
		results.forEach((result, i) => {
			const row = this.rows[i];
			if (row) updateResult(row, this.results[i], result);
			else this.rows.push(list.createDiv({ cls: 'sns-related-row', attr: { draggable: 'true' } }, (el) => renderResult(el, result)));
		});
		for (const row of this.rows.splice(results.length)) row.detach();
		this.results = results;
	}

	private say(text: string): void {
		this.list?.detach();
		this.list = null;
		this.rows = [];
		this.results = [];
		if (this.message) this.message.setText(text);
		else this.message = this.el.createDiv({ cls: 'sns-empty', text });
	}

	private createList(): HTMLElement {
		const list = this.el.createDiv({ cls: 'sns-related-list' });
		this.list = list;
		// Like Obsidian's own lists: Mod-click opens a new tab (Mod+Alt a split), a middle click a new tab.
		list.addEventListener('click', (evt) => this.withRow(evt, (_, result) => void openAtPassage(this.app, result, Keymap.isModEvent(evt))));
		list.addEventListener('auxclick', (evt) => {
			if (evt.button === 1) this.withRow(evt, (_, result) => void openAtPassage(this.app, result, 'tab'));
		});
		list.addEventListener('dragstart', (evt) => this.withRow(evt, (_, result) => dragLink(this.app, evt, result, this.path)));
		list.addEventListener('mouseover', (evt) => this.withRow(evt, (row, result) => askPreview(this.app, evt, row, result, this.hoverParent)));
		return list;
	}

	/** Runs `fn` with the row an event happened in and the result it shows now, if the event was in a row. */
	private withRow(evt: Event, fn: (row: HTMLElement, result: SearchResult) => void): void {
		let el = evt.target as HTMLElement | null;
		while (el && el.parentElement !== this.list) el = el.parentElement;
		const i = el ? this.rows.indexOf(el) : -1;
		if (el && i >= 0) fn(el, this.results[i]);
	}
}

/** A list drawn once into `el` (the sidebar redraws its whole view on each refresh). */
export function renderRelated(el: HTMLElement, owner: RelatedListOwner, path: string, outcome: RelatedOutcome): void {
	new RelatedList(el, owner.app, owner.hoverParent).show(path, outcome, owner.threshold);
}

/** Dragging a row into an editor drops a link to the note, like dragging from the file explorer. */
function dragLink(app: App, evt: DragEvent, result: SearchResult, sourcePath: string): void {
	const link = linkTo(app, result, sourcePath, false);
	if (!link || !evt.dataTransfer) return;
	evt.dataTransfer.setData('text/plain', link);
	evt.dataTransfer.effectAllowed = 'copyLink';
}
