import { bandFor as calibratedBand, type Calibration } from './calibration';
import type { Band } from './types';

/** Which notes a search must never return, as a set of paths or a predicate. */
export type PathFilter = ReadonlySet<string> | ((path: string) => boolean);

export interface SearchOptions {
	/** Maximum number of notes returned; 0 or less returns nothing. */
	limit: number;
	/**
	 * Threshold and band boundaries; defaults to the calibration of the use
	 * (`DEFAULT_CALIBRATIONS.search`, or `.related` for related notes). Pass
	 * `userCalibration(use, userValue)` for a user-chosen minimum similarity.
	 */
	calibration?: Calibration;
	/** Paths to leave out (user exclusions, open notes…). Checked only for notes that would rank. */
	exclude?: PathFilter;
	/** The current note: it never appears in its own results. */
	currentPath?: string;
}

/** Band of a score that already passed the threshold (so `calibratedBand` cannot say "none"). */
export function bandOf(score: number, calibration: Calibration): Band {
	return calibratedBand(score, calibration) ?? 'related';
}

export function isExcluded(filter: PathFilter | undefined, path: string): boolean {
	if (filter === undefined) return false;
	return typeof filter === 'function' ? filter(path) : filter.has(path);
}

/** A filter that leaves out what either leaves out. */
export function combineFilters(a: PathFilter | undefined, b: (path: string) => boolean): (path: string) => boolean {
	return a === undefined ? b : (path) => b(path) || isExcluded(a, path);
}
