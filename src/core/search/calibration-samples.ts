import type { CalibrationScores } from '../fixtures/calibration-scores';
import type { CalibrationSet, Half } from '../fixtures/calibration-set';
import { bandFor, type Calibration, type CalibrationUse } from './calibration';
import { fitStrong, fitThreshold, type CutQuality, type LabelledScore } from './calibration-fit';

/** One judged comparison of the calibration set with its Python score. */
export interface CalibrationSample extends LabelledScore {
	/** The query (search) or note a (related) whose results are judged. */
	subject: string;
	/** The note judged. */
	note: string;
	topic: string;
	half: Half;
}

/**
 * The judged comparisons of one use: every query with each note it judges (search), or every
 * note pair (related). A query's topic, or the topic of the file judging a pair, decides its half.
 */
export function calibrationSamples(set: CalibrationSet, scores: CalibrationScores, use: CalibrationUse): CalibrationSample[] {
	const sample = (row: ReadonlyMap<string, number> | undefined, subject: string, note: string, related: boolean, topic: string): CalibrationSample => ({
		subject,
		note,
		related,
		topic,
		half: set.topics.get(topic) as Half,
		score: row?.get(note) as number,
	});
	if (use === 'search') {
		return set.queries.flatMap((q) => [
			...q.relevant.map((n) => sample(scores.search.get(q.id), q.id, n, true, q.topic)),
			...q.notRelevant.map((n) => sample(scores.search.get(q.id), q.id, n, false, q.topic)),
		]);
	}
	return set.pairs.map((p) => sample(scores.related.get(p.a), p.a, p.b, p.relation === 'related', p.topic));
}

/** Fits one use's threshold and strong band with the method of calibration-fit.ts (on the calibration half). */
export function calibrateUse(samples: readonly CalibrationSample[]): Calibration {
	const threshold = fitThreshold(samples);
	return { threshold, strong: fitStrong(samples, threshold) };
}

/** The shares the targets are stated in, judged exactly as search and related filter results. */
export function calibrationQuality(samples: readonly CalibrationSample[], calibration: Calibration): CutQuality {
	const shown = (s: CalibrationSample): boolean => bandFor(s.score, calibration) !== undefined;
	const related = samples.filter((s) => s.related);
	const unrelated = samples.filter((s) => !s.related);
	return {
		unrelatedBelow: unrelated.filter((s) => !shown(s)).length / unrelated.length,
		relatedAbove: related.filter(shown).length / related.length,
	};
}
