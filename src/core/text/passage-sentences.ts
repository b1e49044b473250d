import { cleanInline } from './clean-inline';
import { hideNonProse } from './hide-non-prose';
import { sanitize } from './sanitize';
import { splitSentences } from './sentences';
import { paragraphRuns, walkBlocks } from './units';

/** One sentence of a passage as the reader sees it: plain text (markdown syntax removed) and its range in the note. */
export interface ProseSentence {
	start: number;
	end: number;
	text: string;
}

/**
 * The prose sentences of the note range [start, end) (a stored passage's range), in order. The
 * note is masked exactly as for indexing (frontmatter, code, comments, URLs hidden, offsets kept),
 * so what is hidden from the model is never offered as an answer; headings are left out (the
 * result row shows the heading already). Sentences that only partly overlap the range count.
 */
export function proseSentences(markdown: string, start: number, end: number): ProseSentence[] {
	const { visible, lines } = hideNonProse(sanitize(markdown).text);
	const out: ProseSentence[] = [];
	walkBlocks(visible, lines, {
		heading: () => undefined,
		paragraph(para) {
			if (para[para.length - 1].end <= start || para[0].start >= end) return;
			for (const [runStart, runEnd] of paragraphRuns(visible, para)) {
				// Same length, so spans still index the note; wrapped lines are one sentence flow.
				const run = visible.slice(runStart, runEnd).replace(/[\r\n]/g, ' ');
				for (const span of splitSentences(run)) {
					const from = runStart + span.start;
					const to = runStart + span.end;
					const text = cleanInline(run.slice(span.start, span.end));
					if (to <= start || from >= end || text === '') continue;
					out.push({ start: from, end: to, text });
				}
			}
		},
	});
	return out;
}
