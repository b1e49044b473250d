/**
 * Share of the indexed notes a word may appear in and still count as rare: one note in ten
 * (inverse document frequency ln(N / df) ≥ ln 10). Rare words are what the keyword section is for
 * (names, acronyms, jargon); words most notes share ("the", "how", a vault's everyday vocabulary)
 * say nothing about which note is meant.
 */
export const RARE_SHARE = 0.1;

/**
 * The words of a query that are rare in the vault: those found in at most `RARE_SHARE` of the
 * `noteCount` indexed notes, and in at least one (a word no note has cannot be matched).
 * The bound is never below one note, so a small vault still has rare words.
 * `notesWith` gives each word's document frequency counted in notes, not passages.
 */
export function rareWords(words: readonly string[], notesWith: ReadonlyMap<string, number>, noteCount: number): string[] {
	const most = Math.max(1, Math.floor(noteCount * RARE_SHARE));
	return words.filter((w) => {
		const df = notesWith.get(w) ?? 0;
		return df >= 1 && df <= most;
	});
}
