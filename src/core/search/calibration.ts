import type { Band } from './types';

/**
 * Score cut-offs for all-MiniLM-L6-v2 cosine similarities.
 * A note scoring below `threshold` is not shown; at or above `strong` it is marked as a strong match.
 */
export interface Calibration {
	/** Minimum cosine for a result to count as related at all. */
	threshold: number;
	/** Minimum cosine for the 'strong' band; always ≥ `threshold`. */
	strong: number;
}

/** The two comparisons the plugin makes, each calibrated on its own. */
export type CalibrationUse = 'search' | 'related';

/**
 * The cut-offs fitted by the method in calibration-fit.ts on the calibration half of the labelled
 * set in fixtures/calibration/ (Python scores in fixtures/calibration-scores.json), committed as
 * numbers so the plugin reads no fixture at start-up. tests/core/search/calibration-set.test.ts
 * recomputes them from the fixture and fails when they drift. Numbers and held-out results:
 * docs/CALIBRATION.md.
 */
export const DEFAULT_CALIBRATIONS: Readonly<Record<CalibrationUse, Readonly<Calibration>>> = Object.freeze({
	// Query → best passage of a note. Held out: 86.2 % of unrelated notes below, 90.6 % of relevant above.
	search: Object.freeze({ threshold: 0.3147, strong: 0.4568 }),
	// Note vector → best passage of the other note. Held out: 92.9 % unrelated below, 64.3 % related above.
	related: Object.freeze({ threshold: 0.3414, strong: 0.3986 }),
});

/**
 * The search calibration: the single "similarity threshold" users see and set is the search one
 * (related notes move with it, see {@link userCalibration}).
 */
export const DEFAULT_CALIBRATION: Readonly<Calibration> = DEFAULT_CALIBRATIONS.search;

/**
 * The calibration for one use when the user has set the similarity threshold: the user's value
 * replaces the search threshold, and the related threshold moves by the same amount, so the
 * calibrated gap between the two uses is kept. Bands never start below the threshold.
 */
export function userCalibration(use: CalibrationUse, userThreshold: number): Calibration {
	const base = DEFAULT_CALIBRATIONS[use];
	const shifted = base === DEFAULT_CALIBRATION ? userThreshold : base.threshold + (userThreshold - DEFAULT_CALIBRATION.threshold);
	const threshold = Math.min(1, Math.max(-1, shifted));
	return { ...base, threshold, strong: Math.max(base.strong, threshold) };
}

/** The band a score falls in, or undefined below the threshold (and for NaN, which must never show). */
export function bandFor(score: number, calibration: Calibration = DEFAULT_CALIBRATION): Band | undefined {
	if (!(score >= calibration.threshold)) return undefined;
	return score >= calibration.strong ? 'strong' : 'related';
}
