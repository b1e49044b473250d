import { cleanInline } from './clean-inline';
import type { Line } from './mask';

/** Where a unit starts relative to the previous one; decides where passages may break. */
export type Boundary = 'heading' | 'paragraph' | 'sentence';

/** The smallest piece the packer moves around: a heading, a sentence, or part of a long one. */
export interface Unit {
	start: number;
	end: number;
	/** Cleaned text, as embedded. */
	text: string;
	boundary: Boundary;
	/** Index of the section (heading) the unit belongs to. */
	section: number;
	/** Heading path of that section. */
	heading: string;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** Setext heading underlines (===) carry no words; the line above stays as text. */
const SETEXT_EQUALS = /^ {0,3}=+[ \t]*$/;
const TABLE_DIVIDER = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;
/** A line that starts its own sentence even without punctuation before it. */
const BLOCK_START = /^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\|)/;
/** Sentence ends: Latin punctuation followed by space, or CJK full stops (no space needed). */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)|[。！？]+["'”’）」』]*/g;

/** What a walk over the visible lines meets: headings, and paragraphs (runs of non-blank lines). */
export interface BlockVisitor {
	heading(line: Line, level: number, title: string): void;
	paragraph(para: readonly Line[]): void;
}

/** Walks the visible text's lines in order; blank lines, rules and table dividers end a paragraph. */
export function walkBlocks(visible: string, all: readonly Line[], visit: BlockVisitor): void {
	let para: Line[] = [];
	const flush = (): void => {
		if (para.length > 0) visit.paragraph(para);
		para = [];
	};
	for (const line of all) {
		const s = visible.slice(line.start, line.end);
		if (s.trim() === '' || THEMATIC_BREAK.test(s) || TABLE_DIVIDER.test(s) || SETEXT_EQUALS.test(s)) {
			flush();
			continue;
		}
		const h = HEADING.exec(s);
		if (h) {
			flush();
			visit.heading(line, h[1].length, cleanInline(h[2] ?? ''));
			continue;
		}
		para.push(line);
	}
	flush();
}

/**
 * Splits the visible text (hidden parts already blanked) into heading, paragraph and sentence
 * units, each with its char range in the original markdown and its heading path.
 */
export function toUnits(visible: string, all: readonly Line[]): Unit[] {
	const units: Unit[] = [];
	const stack: string[] = [];
	let section = 0;
	let heading = '';
	walkBlocks(visible, all, {
		heading(line, level, title) {
			stack.length = level - 1;
			stack[level - 1] = title;
			heading = stack.filter((x) => x).join(' > ');
			section++;
			if (title) units.push({ start: line.start, end: line.end, text: title, boundary: 'heading', section, heading });
		},
		paragraph(para) {
			sentences(visible, para, section, heading, units);
		},
	});
	return units;
}

/** A paragraph's lines joined into runs [start, end); list items, quotes and table rows each start a new run. */
export function paragraphRuns(visible: string, para: readonly Line[]): [number, number][] {
	let runStart = para[0].start;
	let runEnd = para[0].end;
	const runs: [number, number][] = [];
	for (let i = 1; i < para.length; i++) {
		const s = visible.slice(para[i].start, para[i].end);
		if (BLOCK_START.test(s)) {
			runs.push([runStart, runEnd]);
			runStart = para[i].start;
		}
		runEnd = para[i].end;
	}
	runs.push([runStart, runEnd]);
	return runs;
}

/** Sentences of one paragraph; the first is marked as starting a paragraph. */
function sentences(visible: string, para: readonly Line[], section: number, heading: string, out: Unit[]): void {
	let boundary: Boundary = 'paragraph';
	const emit = (start: number, end: number): void => {
		const raw = visible.slice(start, end);
		const text = cleanInline(raw);
		if (!text) return;
		// Trim the range to the fragment's non-space extent so it points at real text.
		const lead = raw.length - raw.trimStart().length;
		const trail = raw.length - raw.trimEnd().length;
		out.push({ start: start + lead, end: end - trail, text, boundary, section, heading });
		boundary = 'sentence';
	};
	for (const [start, end] of paragraphRuns(visible, para)) {
		const run = visible.slice(start, end);
		let from = 0;
		SENTENCE_END.lastIndex = 0;
		for (let m = SENTENCE_END.exec(run); m; m = SENTENCE_END.exec(run)) {
			const to = m.index + m[0].length;
			emit(start + from, start + to);
			from = to;
		}
		emit(start + from, end);
	}
}
