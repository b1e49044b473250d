import { STOP_WORDS } from './stop-words';

/**
 * Share of the indexed passages a word may appear in and still count as rare: one in ten
 * (inverse document frequency ln(N / df) ≥ ln 10). Rare words are what the keyword section is for
 * (names, acronyms, jargon); words most notes share ("the", "how", a vault's everyday vocabulary)
 * say nothing about which note is meant.
 */
export const RARE_SHARE = 0.1;

/**
 * The words of a query that are rare in the vault: those found in at most `RARE_SHARE` of the
 * `passageCount` indexed passages, and in at least one (a word no note has cannot be matched),
 * leaving out English function words (`STOP_WORDS`).
 * The bound is never below one passage, so a small vault still has rare words. Counted in
 * passages, the unit the index holds; a note is usually one to three of them.
 * `passagesWith` gives each word's document frequency.
 */
export function rareWords(words: readonly string[], passagesWith: ReadonlyMap<string, number>, passageCount: number): string[] {
	const most = Math.max(1, Math.floor(passageCount * RARE_SHARE));
	return words.filter((w) => {
		if (STOP_WORDS.has(w)) return false;
		const df = passagesWith.get(w) ?? 0;
		return df >= 1 && df <= most;
	});
}
