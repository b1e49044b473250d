/**
 * How far a note's score stands out from the scores of all the notes it was compared with, in
 * standard deviations (a z-score). Some queries score every note high (long or generic ones, and
 * queries sharing word pieces with many notes) and some score everything low; a cosine threshold
 * alone lets the first kind drag in unrelated notes. Calibration (docs/CALIBRATION.md) showed that
 * requiring search results to also stand out this way keeps unrelated notes out far better.
 */

/** Mean and population standard deviation of a set of scores. */
export interface ScoreSpread {
	count: number;
	mean: number;
	sd: number;
}

/**
 * Below this many scored notes the spread says little about what is typical, so the standout
 * rule is not applied (small vaults fall back to the cosine threshold alone).
 */
export const STANDOUT_MIN_NOTES = 20;

export function scoreSpread(scores: Iterable<number>): ScoreSpread {
	let count = 0;
	let sum = 0;
	let squares = 0;
	for (const s of scores) {
		count++;
		sum += s;
		squares += s * s;
	}
	if (count === 0) return { count, mean: 0, sd: 0 };
	const mean = sum / count;
	return { count, mean, sd: Math.sqrt(Math.max(0, squares / count - mean * mean)) };
}

/**
 * Whether the standout rule applies at all for this spread: enough notes, and scores that differ
 * (with one value repeated, nothing stands out and nothing is hidden for it).
 */
export function standoutApplies(spread: ScoreSpread): boolean {
	return spread.count >= STANDOUT_MIN_NOTES && spread.sd > 1e-9;
}

/** The z-score of `score` within `spread`; only meaningful when {@link standoutApplies}. */
export function standardScore(score: number, spread: ScoreSpread): number {
	return (score - spread.mean) / spread.sd;
}
