/**
 * Hiding what must not be embedded. Instead of rewriting the markdown (which would lose char
 * offsets), a byte mask marks hidden code units; `visible()` turns them into spaces while keeping
 * line breaks, so later stages see the same line structure and the same offsets as the original.
 */

export class Mask {
	readonly hidden: Uint8Array;
	constructor(readonly text: string) {
		this.hidden = new Uint8Array(text.length);
	}
	hide(start: number, end: number): void {
		this.hidden.fill(1, Math.max(0, start), Math.min(this.text.length, end));
	}
	/** The text with hidden code units replaced by spaces, except CR/LF which are kept. */
	visible(): string {
		const { text, hidden } = this;
		const parts: string[] = [];
		let i = 0;
		while (i < text.length) {
			let j = i;
			const h = hidden[i];
			while (j < text.length && hidden[j] === h) j++;
			if (h === 0) parts.push(text.slice(i, j));
			else parts.push(text.slice(i, j).replace(/[^\r\n]/g, ' '));
			i = j;
		}
		return parts.join('');
	}
}

export interface Line {
	start: number;
	/** End of the line's content, before CR/LF. */
	end: number;
	/** Start of the next line. */
	next: number;
}

/** Splits at LF, treating CRLF as one break; offsets refer to the original text. */
export function lines(text: string): Line[] {
	const out: Line[] = [];
	let start = 0;
	while (start <= text.length) {
		const nl = text.indexOf('\n', start);
		const stop = nl < 0 ? text.length : nl;
		const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
		out.push({ start, end, next: nl < 0 ? text.length + 1 : nl + 1 });
		if (nl < 0) break;
		start = nl + 1;
	}
	return out;
}

/** YAML frontmatter: a `---` first line up to the next `---` or `...` line. */
export function hideFrontmatter(mask: Mask, all: readonly Line[]): void {
	const { text } = mask;
	const first = all[0];
	if (!first || text.slice(first.start, first.end).replace(/^\ufeff/, '').trimEnd() !== '---') return;
	for (let i = 1; i < all.length; i++) {
		const l = text.slice(all[i].start, all[i].end).trimEnd();
		if (l === '---' || l === '...') {
			mask.hide(0, all[i].end);
			return;
		}
	}
	// Without a closing line Obsidian shows it as text (a horizontal rule), so it stays.
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*([-*+]|\d{1,9}[.)])(\s|$)/;

/**
 * Fenced code (``` and ~~~), display math ($$ … $$) and indented code blocks. An unclosed fence
 * runs to the end of the note, as CommonMark renders it.
 */
export function hideCodeBlocks(mask: Mask, all: readonly Line[]): void {
	const { text } = mask;
	let fence: string | undefined;
	let fenceStart = 0;
	let inMath = false;
	let prevBlank = true;
	let prevWasCode = false;
	let inList = false;
	for (const line of all) {
		const s = text.slice(line.start, line.end);
		if (fence !== undefined) {
			const m = FENCE.exec(s);
			if (m && m[1][0] === fence[0] && m[1].length >= fence.length && s.slice(m[0].length).trim() === '') {
				mask.hide(fenceStart, line.end);
				fence = undefined;
				prevBlank = true;
			}
			continue;
		}
		if (inMath) {
			if (s.trim().endsWith('$$')) {
				mask.hide(fenceStart, line.end);
				inMath = false;
				prevBlank = true;
			}
			continue;
		}
		const m = FENCE.exec(s);
		if (m) {
			fence = m[1];
			fenceStart = line.start;
			continue;
		}
		const trimmed = s.trim();
		if (trimmed.startsWith('$$') && !(trimmed.length > 2 && trimmed.endsWith('$$'))) {
			inMath = true;
			fenceStart = line.start;
			continue;
		}
		if (trimmed.startsWith('$$')) {
			mask.hide(line.start, line.end);
			continue;
		}
		const blank = trimmed === '';
		// Indented code needs a blank line before it and must not be a nested list item.
		const indented = /^( {4}|\t)/.test(s) && !blank;
		if (indented && (prevBlank || prevWasCode) && !inList && !LIST_ITEM.test(s)) {
			mask.hide(line.start, line.end);
			prevWasCode = true;
			prevBlank = false;
			continue;
		}
		if (!blank) inList = LIST_ITEM.test(s) || (inList && /^\s/.test(s));
		prevWasCode = prevWasCode && blank;
		prevBlank = blank;
	}
	if (fence !== undefined || inMath) mask.hide(fenceStart, text.length);
}

/** Hides every match of `re` (global) in `visible`; `keep` may return sub-ranges to leave shown. */
export function hideMatches(
	mask: Mask,
	visible: string,
	re: RegExp,
	keep?: (m: RegExpExecArray) => [number, number] | undefined,
): void {
	re.lastIndex = 0;
	for (let m = re.exec(visible); m; m = re.exec(visible)) {
		const start = m.index;
		const end = start + m[0].length;
		const kept = keep?.(m);
		if (kept) {
			mask.hide(start, kept[0]);
			mask.hide(kept[1], end);
		} else mask.hide(start, end);
		if (m[0].length === 0) re.lastIndex++;
	}
}
