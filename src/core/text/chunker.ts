import type { Tokenizer } from '../embedding/types';
import { CHUNKING, type ChunkingParams } from './chunk-params';
import { cleanInline } from './clean-inline';
import { hideNonProse } from './hide-non-prose';
import type { NoteInput, Passage } from './passage';
import { looksBinary, sanitize } from './sanitize';
import { splitLong } from './split-long';
import { type Unit, toUnits } from './units';

/** A note the chunker refuses, with a reason fit for the index status list. */
export class ChunkingError extends Error {
	override readonly name = 'ChunkingError';
}

/** Excalidraw drawings are JSON scenes in markdown clothing: nothing in them is prose. */
export function isExcalidraw(path: string, markdown: string): boolean {
	return /\.excalidraw\.md$/i.test(path) || /^---[\s\S]{0,2000}?\bexcalidraw-plugin:/m.test(markdown.slice(0, 2100));
}

interface Measured extends Unit {
	tokens: number;
}

/** Passages with the word-piece ids of each passage's text, so nothing tokenizes them again. */
export interface TokenizedPassages {
	passages: Passage[];
	/** `ids[i]`: word pieces of `passages[i].text`, without [CLS]/[SEP]. */
	ids: number[][];
}

/** The passages of `chunkNoteTokenized`, without their ids. */
export function chunkNote(note: NoteInput, tokenizer: Tokenizer, params: Readonly<ChunkingParams> = CHUNKING): Passage[] {
	return chunkNoteTokenized(note, tokenizer, params).passages;
}

/**
 * Cuts a note into passages of at most `params.maxTokens` word pieces including [CLS]/[SEP],
 * counted with the model's tokenizer. Breaks at headings first, then paragraphs, then sentences,
 * then words; repeats one sentence across a break inside a section. The title is embedded with
 * the first passage; the path never is. Throws ChunkingError for binary files.
 */
export function chunkNoteTokenized(note: NoteInput, tokenizer: Tokenizer, params: Readonly<ChunkingParams> = CHUNKING): TokenizedPassages {
	if (isExcalidraw(note.path, note.markdown)) return { passages: [], ids: [] };
	const { text, unreadable } = sanitize(note.markdown);
	if (looksBinary(text.length, unreadable)) {
		throw new ChunkingError(`not a text note (${Math.round((100 * unreadable) / text.length)}% unreadable characters)`);
	}
	const maxText = params.maxTokens - 2;
	const title = fitTitle(cleanInline(sanitize(note.title).text), tokenizer, params.maxTitleTokens);
	const titleTokens = title ? tokenizer.countWordPieces(title) : 0;
	// Every unit must fit the first passage, which shares its budget with the title.
	const budget = Math.max(1, maxText - titleTokens);

	const { visible, lines } = hideNonProse(text);
	const units: Measured[] = [];
	for (const u of toUnits(visible, lines)) {
		const tokens = tokenizer.countWordPieces(u.text);
		if (tokens === 0) continue;
		if (tokens <= budget) units.push({ ...u, tokens });
		else for (const part of splitLong(u, visible, tokenizer, budget)) units.push({ ...part.unit, tokens: part.tokens });
	}
	return pack(units, title, titleTokens, maxText, params, tokenizer);
}

/** Greedy packing of units into passages, breaking at headings and when the budget is full. */
function pack(
	units: readonly Measured[],
	title: string,
	titleTokens: number,
	maxText: number,
	params: Readonly<ChunkingParams>,
	tokenizer: Tokenizer,
): TokenizedPassages {
	const passages: Passage[] = [];
	const ids: number[][] = [];
	let current: Measured[] = [];
	let tokens = 0;
	const budget = (): number => (passages.length === 0 && title ? maxText - titleTokens : maxText);
	const hasBody = (): boolean => current.some((u) => u.boundary !== 'heading');

	const emit = (): void => {
		if (current.length === 0) return;
		const body = current.map((u, i) => (i > 0 && u.boundary !== 'sentence' ? '\n' : i > 0 ? ' ' : '') + u.text).join('');
		const text = passages.length === 0 && title ? `${title}\n\n${body}` : body;
		const last = current[current.length - 1];
		// The passage's one tokenization: its count here, its ids for the model later.
		const pieces = tokenizer.wordPieces(text);
		ids.push(pieces);
		passages.push({
			text,
			heading: last.heading,
			start: current[0].start,
			end: last.end,
			wordPieces: pieces.length,
		});
		current = [];
		tokens = 0;
	};

	const sum = (list: readonly Measured[]): number => list.reduce((n, x) => n + x.tokens, 0);

	for (const u of units) {
		if (u.boundary === 'heading' && hasBody()) emit();
		while (current.length > 0 && tokens + u.tokens > budget()) {
			// Mid-paragraph overflow: end the passage at the last paragraph start instead, if that
			// still leaves it at least half full; the cut-off paragraph opens the next passage.
			const k = u.boundary === 'sentence' ? paragraphBreak(current, budget()) : -1;
			if (k > 0) {
				const tail = current.slice(k);
				current = current.slice(0, k);
				emit();
				current = tail;
				tokens = sum(tail);
				continue;
			}
			const prev = current;
			emit();
			// A little overlap keeps context across a break inside a section.
			if (u.boundary !== 'heading') {
				const overlap = overlapOf(prev, u, params, budget());
				current = overlap;
				tokens = sum(overlap);
			}
			break;
		}
		current.push(u);
		tokens += u.tokens;
	}
	emit();
	return enforceLimit({ passages, ids }, maxText, tokenizer);
}

/** Index of the last paragraph start that leaves at least half the budget before it, or -1. */
function paragraphBreak(current: readonly Measured[], budget: number): number {
	let before = 0;
	let best = -1;
	for (let k = 0; k < current.length; k++) {
		if (k > 0 && current[k].boundary === 'paragraph' && before * 2 >= budget) best = k;
		before += current[k].tokens;
	}
	return best;
}

/** The last `overlapSentences` units of the previous passage, if short, in the same section, and room is left. */
function overlapOf(prev: readonly Measured[], next: Measured, params: Readonly<ChunkingParams>, budget: number): Measured[] {
	const out: Measured[] = [];
	let tokens = 0;
	for (let i = prev.length - 1; i >= 0 && out.length < params.overlapSentences; i--) {
		const u = prev[i];
		if (u.boundary === 'heading' || u.section !== next.section) break;
		if (tokens + u.tokens > params.maxOverlapTokens || tokens + u.tokens + next.tokens > budget) break;
		out.unshift(u);
		tokens += u.tokens;
		// Never repeat a whole passage: at least one unit of it must stay behind.
		if (out.length === prev.length) {
			out.shift();
			break;
		}
	}
	return out;
}

/**
 * Word pieces are additive across whitespace for BERT-style tokenizers, so packing by unit
 * counts is exact; this check guards against a tokenizer for which that does not hold.
 */
function enforceLimit(out: TokenizedPassages, maxText: number, tokenizer: Tokenizer): TokenizedPassages {
	out.passages.forEach((p, i) => {
		if (p.wordPieces <= maxText) return;
		let words = p.text.split(' ');
		while (words.length > 1 && tokenizer.countWordPieces(words.join(' ')) > maxText) {
			words = words.slice(0, Math.max(1, Math.floor(words.length * 0.9)));
		}
		p.text = words.join(' ');
		out.ids[i] = tokenizer.wordPieces(p.text);
		p.wordPieces = out.ids[i].length;
	});
	return out;
}

/** A title longer than `max` word pieces is cut at a word so it cannot crowd out the passage. */
function fitTitle(title: string, tokenizer: Tokenizer, max: number): string {
	if (!title || tokenizer.countWordPieces(title) <= max) return title;
	const words = title.split(' ');
	let out = '';
	for (const w of words) {
		const next = out ? `${out} ${w}` : w;
		if (tokenizer.countWordPieces(next) > max) break;
		out = next;
	}
	return out;
}
