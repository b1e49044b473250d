import type { CalibrationScores } from '../fixtures/calibration-scores';
import type { CalibrationSet, Half } from '../fixtures/calibration-set';
import { passes, type Calibration, type CalibrationUse } from './calibration';
import { fitStrong, fitThreshold, type CutQuality, type LabelledScore } from './calibration-fit';
import { scoreSpread, standardScore } from './standout';

/** One judged comparison of the calibration set, with both statistics the cut-offs are fitted on. */
export interface CalibrationSample extends LabelledScore {
	/** The query (search) or note a (related) whose results are judged. */
	subject: string;
	/** The note judged. */
	note: string;
	topic: string;
	half: Half;
	/** Standard score of `score` among the subject's scores for every note of the set (but a itself, for related). */
	z: number;
}

/**
 * The judged comparisons of one use: every query with each note it judges (search), or every
 * note pair (related). A query's topic, or note a's file's topic for a pair, decides its half.
 */
export function calibrationSamples(set: CalibrationSet, scores: CalibrationScores, use: CalibrationUse): CalibrationSample[] {
	const half = (topic: string): Half => set.topics.get(topic) as Half;
	const sample = (row: ReadonlyMap<string, number>, subject: string, note: string, related: boolean, topic: string): CalibrationSample => {
		// As in SearchIndex: for related notes the open note itself is left out of the spread.
		const spread = scoreSpread([...row].filter(([id]) => use === 'search' || id !== subject).map(([, s]) => s));
		const score = row.get(note) as number;
		return { subject, note, related, topic, half: half(topic), score, z: standardScore(score, spread) };
	};
	if (use === 'search') {
		return set.queries.flatMap((q) => {
			const row = scores.search.get(q.id) as ReadonlyMap<string, number>;
			return [
				...q.relevant.map((n) => sample(row, q.id, n, true, q.topic)),
				...q.notRelevant.map((n) => sample(row, q.id, n, false, q.topic)),
			];
		});
	}
	return set.pairs.map((p) => sample(scores.related.get(p.a) as ReadonlyMap<string, number>, p.a, p.b, p.relation === 'related', p.topic));
}

/**
 * Whether a use gets the standout rule. Decided from the held-out results in docs/CALIBRATION.md:
 * it cut held-out unrelated search results from 14 % to 5 % at no loss of recall, while for
 * related notes it lost more related pairs than it kept unrelated ones out.
 */
export const STANDOUT_RULE: Readonly<Record<CalibrationUse, boolean>> = Object.freeze({ search: true, related: false });

/**
 * Fits one use's calibration with the method of calibration-fit.ts on the given samples (the
 * calibration half): the cosine threshold and strong band, and, where the use has the standout
 * rule, the standout cut fitted the same way on the samples' standard scores.
 */
export function calibrateUse(samples: readonly CalibrationSample[], use: CalibrationUse): Calibration {
	const threshold = fitThreshold(samples);
	const strong = fitStrong(samples, threshold);
	if (!STANDOUT_RULE[use]) return { threshold, strong };
	return { threshold, strong, standout: fitThreshold(samples.map((s) => ({ score: s.z, related: s.related }))) };
}

/** The shares of the targets for a calibration, judged exactly as search and related filter results. */
export function calibrationQuality(samples: readonly CalibrationSample[], calibration: Calibration): CutQuality {
	const shown = (s: CalibrationSample): boolean => passes(s.score, s.z, calibration);
	const related = samples.filter((s) => s.related);
	const unrelated = samples.filter((s) => !s.related);
	return {
		unrelatedBelow: unrelated.filter((s) => !shown(s)).length / unrelated.length,
		relatedAbove: related.filter(shown).length / related.length,
	};
}
