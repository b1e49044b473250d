/** A sentence of a text: the range [start, end) in that text, without surrounding whitespace. */
export interface SentenceSpan {
	start: number;
	end: number;
}

/**
 * Abbreviations that Unicode's sentence rules (UAX #29, which `Intl.Segmenter` follows) end a
 * sentence at, because a capital or a number follows them ("Dr. Smith", "Fig. 3", "e.g. Python").
 * Lower case, without the final dot. "etc." is left out on purpose: it ends sentences as often
 * as not, and mid-sentence (before a lower-case word) the rules already keep it.
 */
const ABBREVIATIONS = new Set([
	'e.g', 'i.e', 'cf', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'fig', 'figs', 'no', 'nos', 'vol',
	'p', 'pp', 'ch', 'sec', 'eq', 'approx', 'incl', 'ca', 'al', 'z.b', 'd.h', 'bzw', 'usw', 'ggf', 'vgl',
]);

/** The word before a segment's final dot, e.g. "(e.g." → "e.g"; undefined when it does not end in one. */
const LAST_WORD_BEFORE_DOT = /(?:^|[\s(["'])([\p{L}.]+)\.$/u;

let segmenter: Intl.Segmenter | undefined;

/** True when the segment ends with an abbreviation or an initial ("J. R. R. Tolkien"): not a sentence end. */
function endsWithAbbreviation(segment: string): boolean {
	const word = LAST_WORD_BEFORE_DOT.exec(segment)?.[1];
	if (word === undefined) return false;
	if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
	return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits prose into sentences with the platform's Unicode sentence segmentation (`Intl.Segmenter`,
 * in Node and Chromium alike: decimals, "e.g. lower case", `code.like()` and CJK full stops are
 * handled by its rules), then joins segments that end at a common abbreviation or an initial.
 * The caller passes one paragraph, list item or table row at a time, with line breaks already
 * turned into spaces: the rules would treat every line break as a paragraph end.
 */
export function splitSentences(text: string): SentenceSpan[] {
	segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
	const spans: SentenceSpan[] = [];
	let pendingStart = -1;
	for (const { segment, index } of segmenter.segment(text)) {
		const trimmed = segment.trimEnd();
		if (trimmed.trim() === '') continue;
		const start = pendingStart >= 0 ? pendingStart : index + (segment.length - segment.trimStart().length);
		const end = index + trimmed.length;
		if (endsWithAbbreviation(trimmed)) {
			pendingStart = start;
			continue;
		}
		spans.push({ start, end });
		pendingStart = -1;
	}
	if (pendingStart >= 0) spans.push({ start: pendingStart, end: text.trimEnd().length });
	return spans;
}
