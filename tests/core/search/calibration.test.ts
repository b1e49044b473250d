import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandMidpoint, calibrationSamples as publishedSamples, parseReferenceFixtures } from '../../../src/core/fixtures';
import { bandFor, DEFAULT_CALIBRATION, DEFAULT_CALIBRATIONS, userCalibration } from '../../../src/core/search/calibration';
import { fitStrong, fitThreshold, type LabelledScore } from '../../../src/core/search/calibration-fit';

const fixtureFile = path.resolve(__dirname, '../../../fixtures/similarity-reference.toml');

describe('DEFAULT_CALIBRATIONS and the published Python pairs', () => {
	const cases = parseReferenceFixtures(readFileSync(fixtureFile, 'utf8'), fixtureFile);
	const measured = publishedSamples(cases);

	it.each(['search', 'related'] as const)('puts every published related pair at or above the %s threshold and every unrelated one below', (use) => {
		expect(measured.some((m) => m.related)).toBe(true);
		expect(measured.some((m) => !m.related)).toBe(true);
		for (const c of measured) {
			expect(bandFor(c.score, DEFAULT_CALIBRATIONS[use]) !== undefined, `${c.name} (${c.score})`).toBe(c.related);
		}
	});

	it.each(['search', 'related'] as const)('puts the midpoint of every band case on its correct side of the %s threshold', (use) => {
		// Only a plausibility check: a band is an estimate, not what the model scores (the
		// real-model tier checks measured scores).
		const bands = cases.filter((c) => c.check.kind === 'band');
		expect(bands.length).toBeGreaterThan(0);
		for (const c of bands) {
			const mid = bandMidpoint(c) as number;
			expect(bandFor(mid, DEFAULT_CALIBRATIONS[use]) !== undefined, `${c.name} (band midpoint ${mid})`).toBe(c.relation === 'related');
		}
	});

	it('keeps each strong band at or above its threshold, and a near-paraphrase strong', () => {
		for (const c of Object.values(DEFAULT_CALIBRATIONS)) expect(c.strong).toBeGreaterThanOrEqual(c.threshold);
		expect(bandFor(0.8939, DEFAULT_CALIBRATIONS.search)).toBe('strong'); // high_similarity_movie, published
		expect(bandFor(0.8939, DEFAULT_CALIBRATIONS.related)).toBe('strong');
	});

	it('offers the search calibration as the single user-facing default', () => {
		expect(DEFAULT_CALIBRATION).toBe(DEFAULT_CALIBRATIONS.search);
	});
});

describe('fitThreshold', () => {
	const s = (score: number, related: boolean): LabelledScore => ({ score, related });

	it('cuts midway between the highest unrelated and the lowest related score when they separate', () => {
		expect(fitThreshold([s(0.1, false), s(0.3, false), s(0.5, true), s(0.9, true), s(0.7, true)])).toBeCloseTo(0.4, 12);
	});

	it('does not depend on the order of the samples', () => {
		const samples = [s(0.2, false), s(0.6, true), s(0.1, false), s(0.8, true), s(0.5, false)];
		expect(fitThreshold(samples)).toBe(fitThreshold([...samples].reverse()));
	});

	it('never lets more than 5 % of the unrelated samples through, even at the cost of related ones', () => {
		// 19 unrelated at 0.0…0.18 and one at 0.5 (5 %), related at 0.3 and 0.6. Cutting at 0.24
		// keeps 95 % of the unrelated below and both related above: allowed, and the best.
		const unrelated = Array.from({ length: 19 }, (_, i) => s(i / 100, false));
		expect(fitThreshold([...unrelated, s(0.5, false), s(0.3, true), s(0.6, true)])).toBeCloseTo(0.24, 12);
		// With two unrelated at 0.5 (10 %), every cut below 0.5 lets too many through: the cut must
		// go above them, losing the related 0.3.
		const more = [...unrelated.slice(1), s(0.5, false), s(0.5, false), s(0.3, true), s(0.6, true)];
		expect(fitThreshold(more)).toBeCloseTo(0.55, 12);
	});

	it('weighs the two classes by share, so many unrelated samples do not outvote few related ones', () => {
		// 40 unrelated at 0…0.39 and one at 0.45 (2.4 %); related at 0.42 and 0.7. Counting errors, the
		// cuts at 0.405 and 0.575 tie at one error each and the wider gap would win (0.575, losing
		// the related 0.42). By share, losing half the related samples costs far more than letting
		// 1 of 41 unrelated ones through, so the cut goes below 0.42.
		const unrelated = Array.from({ length: 40 }, (_, i) => s(i / 100, false));
		expect(fitThreshold([...unrelated, s(0.45, false), s(0.42, true), s(0.7, true)])).toBeCloseTo(0.405, 12);
	});

	it('refuses data it cannot calibrate from', () => {
		expect(() => fitThreshold([s(0.5, true)])).toThrow(RangeError);
		expect(() => fitThreshold([s(0.5, false), s(Number.NaN, true)])).toThrow(RangeError);
		expect(() => fitThreshold([s(0.5, false), s(0.5, true)])).toThrow(RangeError);
	});
});

describe('fitStrong', () => {
	const s = (score: number, related: boolean): LabelledScore => ({ score, related });

	it('sits midway between the threshold and the median related score, so one outlier does not move it', () => {
		const base = [s(0, false), s(0.5, true), s(0.6, true), s(0.7, true)];
		expect(fitStrong(base, 0.4)).toBeCloseTo(0.5, 12); // median of 0.5, 0.6, 0.7 is 0.6
		expect(fitStrong([...base, s(0.99, true)], 0.4)).toBeCloseTo(fitStrong([...base, s(0.71, true)], 0.4), 12);
	});

	it('never falls below the threshold', () => {
		expect(fitStrong([s(0, false), s(0.2, true)], 0.3)).toBe(0.3);
	});

	it('counts only the related scores that pass the threshold, so weak related pairs do not make every shown result strong', () => {
		const shown = [s(0, false), s(0.5, true), s(0.6, true), s(0.7, true)];
		const withWeak = [...shown, s(0.1, true), s(0.15, true), s(0.2, true), s(0.25, true)];
		expect(fitStrong(withWeak, 0.4)).toBeCloseTo(0.5, 12);
	});
});

describe('userCalibration', () => {
	it('is the calibrated default when the user keeps the default threshold', () => {
		expect(userCalibration('search', DEFAULT_CALIBRATION.threshold)).toEqual(DEFAULT_CALIBRATIONS.search);
		expect(userCalibration('related', DEFAULT_CALIBRATION.threshold)).toEqual(DEFAULT_CALIBRATIONS.related);
	});

	it('uses the user value for search and moves the related threshold by the same amount', () => {
		expect(userCalibration('search', 0.2).threshold).toBe(0.2);
		expect(userCalibration('related', 0.2).threshold).toBeCloseTo(DEFAULT_CALIBRATIONS.related.threshold - (DEFAULT_CALIBRATION.threshold - 0.2), 12);
	});

	it('keeps the strong band at or above a raised threshold and the threshold within [-1, 1]', () => {
		expect(userCalibration('search', 0.9).strong).toBe(0.9);
		expect(userCalibration('related', 1).threshold).toBeLessThanOrEqual(1);
		expect(userCalibration('related', -1).threshold).toBeGreaterThanOrEqual(-1);
	});
});

describe('bandFor', () => {
	const cal = { threshold: 0.4, strong: 0.6 };
	it('maps scores to bands with inclusive lower bounds', () => {
		expect(bandFor(0.39, cal)).toBeUndefined();
		expect(bandFor(0.4, cal)).toBe('related');
		expect(bandFor(0.59, cal)).toBe('related');
		expect(bandFor(0.6, cal)).toBe('strong');
		expect(bandFor(1, cal)).toBe('strong');
	});
	it('never bands NaN', () => {
		expect(bandFor(Number.NaN, cal)).toBeUndefined();
		expect(bandFor(Number.NaN)).toBeUndefined();
	});
});
