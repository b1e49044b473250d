import { SNIPPET_CHARS } from '../index/snippet';
import type { SnippetPart } from './types';

/** A marked sentence longer than this is cut: the row must stay a row. */
const MAX_ANSWER_CHARS = 300;
/** Text between two answer sentences longer than this is left out ("…"). */
const MAX_GAP_CHARS = 60;
/** Share of the context left around the answer that goes before it; the rest follows it. */
const BEFORE_SHARE = 1 / 3;

/** The first `max` characters, cut at a word, with "…" when anything was cut (just "…" when nothing fits). */
function head(text: string, max: number): string {
	if (text.length <= max) return text;
	if (max <= 0) return '…';
	const cut = text.lastIndexOf(' ', max);
	return `${text.slice(0, cut > max / 2 ? cut : max).trimEnd()}…`;
}

/** The last `max` characters, cut at a word, with "…" when anything was cut (just "…" when nothing fits). */
function tail(text: string, max: number): string {
	if (text.length <= max) return text;
	if (max <= 0) return '…';
	const from = text.length - max;
	const cut = text.indexOf(' ', from);
	return `…${text.slice(cut >= 0 && cut < from + max / 2 ? cut + 1 : from).trimStart()}`;
}

/**
 * The snippet shown for an answer: the answer sentences (`chosen`, ascending positions in
 * `sentences`) marked, with as much of the passage around them as fits in the usual snippet
 * length, a third before and the rest after; a short passage is shown whole.
 */
export function answerSnippet(sentences: readonly string[], chosen: readonly number[]): SnippetPart[] {
	const first = chosen[0];
	const last = chosen[chosen.length - 1];
	const middle: SnippetPart[] = [];
	chosen.forEach((index, k) => {
		if (k > 0) {
			const gap = sentences.slice(chosen[k - 1] + 1, index).join(' ');
			middle.push({ text: gap.length > MAX_GAP_CHARS ? ' … ' : gap === '' ? ' ' : ` ${gap} `, answer: false });
		}
		middle.push({ text: head(sentences[index], MAX_ANSWER_CHARS), answer: true });
	});
	const room = Math.max(0, SNIPPET_CHARS - middle.reduce((n, p) => n + p.text.length, 0));
	const before = sentences.slice(0, first).join(' ');
	const after = sentences.slice(last + 1).join(' ');
	// What one side does not need, the other may use.
	const beforeRoom = Math.max(Math.floor(room * BEFORE_SHARE), room - after.length - 1);
	const shownBefore = tail(before, beforeRoom - 1);
	const shownAfter = head(after, room - shownBefore.length - 2);
	return [
		...(shownBefore === '' ? [] : [{ text: `${shownBefore} `, answer: false }]),
		...middle,
		...(shownAfter === '' ? [] : [{ text: ` ${shownAfter}`, answer: false }]),
	];
}
