import type { WordMatch } from '../../core/search/lexical-index';
import { noteName } from './progress-text';

/** The title of the keyword section, under the results found by meaning. */
export const CONTAINS_WORDS_TITLE = 'Contains your words';

/**
 * The keyword section's heading, drawn at the top of its first row (a suggestion list has rows
 * only). `note` says why the list above is empty, when it is.
 */
export function renderSectionHeading(el: HTMLElement, note?: string): void {
	const heading = el.createDiv({ cls: 'sns-section-heading' });
	if (note !== undefined) heading.createDiv({ cls: 'sns-section-note', text: note });
	heading.createDiv({ cls: 'sns-section-title', text: CONTAINS_WORDS_TITLE });
}

/** A note of the keyword section: title, the query's words it contains (no similarity band), heading and snippet. */
export function renderWordMatch(el: HTMLElement, match: WordMatch): void {
	el.addClass('sns-result', 'sns-word-match');
	const top = el.createDiv({ cls: 'sns-result-top' });
	top.createSpan({ cls: 'sns-result-title', text: noteName(match.path) });
	top.createSpan({ cls: 'sns-words', text: match.words.join(', '), attr: { 'aria-label': 'Words of your query in this note' } });
	if (match.heading !== '') el.createDiv({ cls: 'sns-result-heading', text: match.heading });
	if (match.snippet !== '') el.createDiv({ cls: 'sns-result-snippet', text: match.snippet });
}
