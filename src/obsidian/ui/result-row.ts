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
