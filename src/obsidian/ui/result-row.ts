import type { PassageAnswer } from '../../core/answer/types';
import type { SearchResult } from '../../core/search/types';
import { noteName } from './progress-text';

const BAND_LABEL: Record<SearchResult['band'], string> = { strong: 'Strong match', related: 'Related' };

/** One result: note title, band label, heading path and snippet of the best passage. */
export function renderResult(el: HTMLElement, result: SearchResult): void {
	el.addClass('sns-result');
	const top = el.createDiv({ cls: 'sns-result-top' });
	top.createSpan({ cls: 'sns-result-title', text: noteName(result.path) });
	top.createSpan({ cls: ['sns-band', `sns-band-${result.band}`], text: BAND_LABEL[result.band], attr: { 'aria-label': similarity(result) } });
	if (result.heading !== '') el.createDiv({ cls: 'sns-result-heading', text: result.heading });
	if (result.snippet !== '') el.createDiv({ cls: 'sns-result-snippet', text: result.snippet });
}

function similarity(result: SearchResult): string {
	return `Similarity ${result.score.toFixed(2)}`;
}

/**
 * Sets the text of an element that holds only text. Changing its Text node's data, rather than
 * replacing the node (setText), keeps the node's layout object: the browser restyles nothing and
 * only lays the new text out.
 */
function replaceText(el: HTMLElement, text: string): void {
	const node = el.firstChild;
	// 3 is Node.TEXT_NODE (not a global outside the browser).
	if (node !== null && node.nodeType === 3 && node === el.lastChild && text !== '') (node as Text).data = text;
	else el.setText(text);
}

/**
 * Makes a row that `renderResult` drew for `before` show `after`, writing only what differs: the
 * browser then restyles nothing and lays out again only the text that changed.
 */
export function updateResult(el: HTMLElement, before: SearchResult, after: SearchResult): void {
	const [top, ...rest] = Array.from(el.children) as HTMLElement[];
	// A heading or snippet that appears or goes is rare (passages before a note's first heading): draw anew.
	if ((before.heading === '') !== (after.heading === '') || (before.snippet === '') !== (after.snippet === '')) {
		el.empty();
		renderResult(el, after);
		return;
	}
	const [title, band] = Array.from(top.children) as HTMLElement[];
	if (noteName(before.path) !== noteName(after.path)) replaceText(title, noteName(after.path));
	if (before.band !== after.band) {
		band.removeClass(`sns-band-${before.band}`);
		band.addClass(`sns-band-${after.band}`);
		replaceText(band, BAND_LABEL[after.band]);
	}
	if (similarity(before) !== similarity(after)) band.setAttr('aria-label', similarity(after));
	if (before.heading !== after.heading) replaceText(rest[0], after.heading);
	if (before.snippet !== after.snippet) replaceText(rest[rest.length - 1], after.snippet);
}

/**
 * Replaces a rendered row's snippet with the snippet around the answer, the answer sentences
 * marked (`mark.sns-answer`). Built with createEl/createSpan: note text is never parsed as HTML.
 */
export function showAnswer(el: HTMLElement, answer: PassageAnswer): void {
	const shown = Array.from(el.children).find((child) => child.hasClass('sns-result-snippet')) as HTMLElement | undefined;
	const snippet = shown ?? el.createDiv({ cls: 'sns-result-snippet' });
	snippet.empty();
	for (const part of answer.parts) {
		if (part.answer) snippet.createEl('mark', { cls: 'sns-answer', text: part.text });
		else snippet.createSpan({ text: part.text });
	}
}
