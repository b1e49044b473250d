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

/**
 * Cuts a note into passages of at most `params.maxTokens` word pieces including [CLS]/[SEP],
 * counted with the model's tokenizer. Breaks at headings first, then paragraphs, then sentences,
 * then words; repeats one sentence across a break inside a section. The title is embedded with
 * the first passage; the path never is. Throws ChunkingError for binary files.
 */
export function chunkNote(note: NoteInput, tokenizer: Tokenizer, params: Readonly<ChunkingParams> = CHUNKING): Passage[] {
	if (isExcalidraw(note.path, note.markdown)) return [];
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
): Passage[] {
	const passages: Passage[] = [];
	let current: Measured[] = [];
	let tokens = 0;
	const budget = (): number => (passages.length === 0 && title ? maxText - titleTokens : maxText);
	const hasBody = (): boolean => current.some((u) => u.boundary !== 'heading');

	const emit = (): void => {
		if (current.length === 0) return;
		const body = current.map((u, i) => (i > 0 && u.boundary !== 'sentence' ? '\n' : i > 0 ? ' ' : '') + u.text).join('');
		const text = passages.length === 0 && title ? `${title}\n\n${body}` : body;
		const last = current[current.length - 1];
		passages.push({
			text,
			heading: last.heading,
			start: current[0].start,
			end: last.end,
			wordPieces: tokenizer.countWordPieces(text),
		});
		current = [];
		tokens = 0;
	};

	for (const u of units) {
		if (u.boundary === 'heading' && hasBody()) emit();
		if (tokens + u.tokens > budget() && current.length > 0) {
			const prev = current;
			emit();
			const last = prev[prev.length - 1];
			// One sentence of overlap keeps context across a break inside a section.
			if (
				params.overlapSentences > 0 &&
				u.boundary !== 'heading' &&
				last.boundary !== 'heading' &&
				last.section === u.section &&
				last.tokens <= params.maxOverlapTokens &&
				last.tokens + u.tokens <= budget()
			) {
				current = [last];
				tokens = last.tokens;
			}
		}
		current.push(u);
		tokens += u.tokens;
	}
	emit();
	return enforceLimit(passages, maxText, tokenizer);
}

/**
 * Word pieces are additive across whitespace for BERT-style tokenizers, so packing by unit
 * counts is exact; this check guards against a tokenizer for which that does not hold.
 */
function enforceLimit(passages: Passage[], maxText: number, tokenizer: Tokenizer): Passage[] {
	for (const p of passages) {
		if (p.wordPieces <= maxText) continue;
		let words = p.text.split(' ');
		while (words.length > 1 && tokenizer.countWordPieces(words.join(' ')) > maxText) {
			words = words.slice(0, Math.max(1, Math.floor(words.length * 0.9)));
		}
		p.text = words.join(' ');
		p.wordPieces = tokenizer.countWordPieces(p.text);
	}
	return passages;
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
