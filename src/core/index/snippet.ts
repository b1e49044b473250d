import type { Passage } from '../text/passage';
import type { StoredPassage } from '../store/types';

/** Length of a result's excerpt, stored or built around an answer. */
export const SNIPPET_CHARS = 200;

/** What the store keeps of a passage: its place in the note and a short excerpt without the title. */
export function toStoredPassage(p: Passage, title: string, first: boolean): StoredPassage {
	let text = p.text;
	const prefix = `${title}\n\n`;
	if (first && title && text.startsWith(prefix)) text = text.slice(prefix.length);
	// Results show the heading above the snippet already; repeating it wastes the excerpt.
	const heading = p.heading.split(' > ').pop()?.trim() ?? '';
	const firstLine = text.split('\n', 1)[0].trim();
	if (heading && firstLine === heading && text.length > firstLine.length) text = text.slice(text.indexOf(firstLine) + firstLine.length);
	// Masked-out link brackets leave blanks (offsets are kept); they read badly before punctuation.
	text = text.replace(/\s+/g, ' ').replace(/ ([.,;:!?])/g, '$1').trim();
	if (text.length > SNIPPET_CHARS) {
		const cut = text.lastIndexOf(' ', SNIPPET_CHARS);
		text = `${text.slice(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS)}…`;
	}
	return { heading: p.heading, start: p.start, end: p.end, snippet: text };
}

/** Note title as embedded with the first passage: the file name without folder and `.md`. */
export function titleOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}
