import type { Tokenizer } from '../embedding/types';
import { cleanInline } from './clean-inline';
import type { Unit } from './units';

/** Words tokenized together when splitting a long sentence: one call per group keeps 5 MB notes fast. */
const WORD_GROUP = 16;
/** A single "word" longer than the budget (CJK without spaces, a huge token) is cut into this many code points. */
const CODE_POINTS_PER_PIECE = 32;

interface Piece {
	start: number;
	end: number;
	text: string;
	tokens: number;
}

/**
 * Splits a unit longer than `budget` word pieces into consecutive units that each fit,
 * at word boundaries where possible and inside a word as a last resort.
 */
export function splitLong(unit: Unit, visible: string, tokenizer: Tokenizer, budget: number): { unit: Unit; tokens: number }[] {
	const words: Piece[] = [];
	const re = /\S+/g;
	const slice = visible.slice(unit.start, unit.end);
	for (let m = re.exec(slice); m; m = re.exec(slice)) {
		words.push({ start: unit.start + m.index, end: unit.start + m.index + m[0].length, text: m[0], tokens: 0 });
	}
	const pieces: Piece[] = [];
	for (let i = 0; i < words.length; i += WORD_GROUP) {
		const group = words.slice(i, i + WORD_GROUP);
		const joined = measure(group, visible, tokenizer);
		if (joined.tokens <= budget) pieces.push(joined);
		else for (const w of group) pieces.push(...splitWord(w, visible, tokenizer, budget));
	}
	// Greedy regrouping into units that fill the budget.
	const out: { unit: Unit; tokens: number }[] = [];
	let current: Piece[] = [];
	let tokens = 0;
	const flush = (): void => {
		if (current.length === 0) return;
		const first = current[0];
		const last = current[current.length - 1];
		const text = current.map((p) => p.text).join(' ');
		out.push({ unit: { ...unit, start: first.start, end: last.end, text, boundary: out.length === 0 ? unit.boundary : 'sentence' }, tokens });
		current = [];
		tokens = 0;
	};
	for (const p of pieces) {
		if (p.tokens === 0) continue;
		if (tokens + p.tokens > budget) flush();
		current.push(p);
		tokens += p.tokens;
	}
	flush();
	return out;
}

function measure(group: readonly Piece[], visible: string, tokenizer: Tokenizer): Piece {
	const start = group[0].start;
	const end = group[group.length - 1].end;
	const text = cleanInline(visible.slice(start, end));
	return { start, end, text, tokens: text ? tokenizer.countWordPieces(text) : 0 };
}

function splitWord(word: Piece, visible: string, tokenizer: Tokenizer, budget: number): Piece[] {
	const single = measure([word], visible, tokenizer);
	if (single.tokens <= budget) return [single];
	const out: Piece[] = [];
	let offset = word.start;
	const points = Array.from(word.text);
	for (let i = 0; i < points.length; i += CODE_POINTS_PER_PIECE) {
		const chunk = points.slice(i, i + CODE_POINTS_PER_PIECE).join('');
		const piece = measure([{ start: offset, end: offset + chunk.length, text: chunk, tokens: 0 }], visible, tokenizer);
		offset += chunk.length;
		// Even 32 code points can exceed a tiny budget; such pieces are dropped rather than truncated silently.
		if (piece.tokens > 0 && piece.tokens <= budget) out.push(piece);
	}
	return out;
}
