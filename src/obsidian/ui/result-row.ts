import type { PassageAnswer } from '../../core/answer/types';
import type { SearchResult } from '../../core/search/types';
import { noteName } from './progress-text';

const BAND_LABEL: Record<SearchResult['band'], string> = { strong: 'Strong match', related: 'Related' };

/** One result: note title, band label, heading path and snippet of the best passage. */
export function renderResult(el: HTMLElement, result: SearchResult): void {
	el.addClass('sns-result');
	const top = el.createDiv({ cls: 'sns-result-top' });
	top.createSpan({ cls: 'sns-result-title', text: noteName(result.path) });
	top.createSpan({
		cls: ['sns-band', `sns-band-${result.band}`],
		text: BAND_LABEL[result.band],
		attr: { 'aria-label': `Similarity ${result.score.toFixed(2)}` },
	});
	if (result.heading !== '') el.createDiv({ cls: 'sns-result-heading', text: result.heading });
	if (result.snippet !== '') el.createDiv({ cls: 'sns-result-snippet', text: result.snippet });
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
