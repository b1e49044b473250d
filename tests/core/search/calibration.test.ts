import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandMidpoint, calibrationSamples, parseReferenceFixtures } from '../../../src/core/fixtures';
import { bandFor, calibrate, DEFAULT_CALIBRATION, type LabelledScore } from '../../../src/core/search/calibration';

const fixtureFile = path.resolve(__dirname, '../../../fixtures/similarity-reference.toml');

describe('DEFAULT_CALIBRATION', () => {
	const cases = parseReferenceFixtures(readFileSync(fixtureFile, 'utf8'), fixtureFile);
	const measured = calibrationSamples(cases);
	const bands = cases.filter((c) => c.check.kind === 'band');

	it('is derived from the measured (published Python) cases only, never from band estimates', () => {
		expect(measured.map((m) => m.name).sort()).toEqual(cases.filter((c) => c.check.kind === 'expected').map((c) => c.name).sort());
		expect(measured.some((m) => m.related)).toBe(true);
		expect(measured.some((m) => !m.related)).toBe(true);
		// Changing a band must not move the cut-offs.
		const widened = cases.map((c) => (c.check.kind === 'band' ? { ...c, check: { kind: 'band' as const, min: -1, max: 1 } } : c));
		expect(calibrate(calibrationSamples(widened))).toEqual(calibrate(measured));
	});

	it('equals what calibrate() derives from fixtures/similarity-reference.toml (to the 4 committed decimals)', () => {
		const derived = calibrate(measured);
		expect(DEFAULT_CALIBRATION.threshold).toBeCloseTo(derived.threshold, 4);
		expect(DEFAULT_CALIBRATION.strong).toBeCloseTo(derived.strong, 4);
	});

	it('puts every measured related case at or above the threshold and every measured unrelated one below', () => {
		for (const c of measured) {
			expect(bandFor(c.score) !== undefined, `${c.name} (${c.score})`).toBe(c.related);
		}
	});

	it('puts the midpoint of every band case on its correct side', () => {
		// Only a plausibility check: a band is an estimate, and its midpoint is not what the model
		// scores. Only real weights can really check these cases — the real-model tier
		// (tests/core/fixtures/real-model.test.ts) asserts each measured score against the threshold.
		expect(bands.length).toBeGreaterThan(0);
		for (const c of bands) {
			const mid = bandMidpoint(c) as number;
			expect(bandFor(mid) !== undefined, `${c.name} (band midpoint ${mid})`).toBe(c.relation === 'related');
		}
	});

	it('keeps the strong band above the threshold and below a near-paraphrase', () => {
		expect(DEFAULT_CALIBRATION.strong).toBeGreaterThan(DEFAULT_CALIBRATION.threshold);
		expect(bandFor(0.8939)).toBe('strong'); // high_similarity_movie, published
	});
});

describe('calibrate', () => {
	const s = (score: number, related: boolean): LabelledScore => ({ score, related });

	it('cuts midway between the highest unrelated and the lowest related score when they separate', () => {
		const c = calibrate([s(0.1, false), s(0.3, false), s(0.5, true), s(0.9, true), s(0.7, true)]);
		expect(c.threshold).toBeCloseTo(0.4, 12);
		// median related 0.7 → strong midway between 0.4 and 0.7
		expect(c.strong).toBeCloseTo(0.55, 12);
	});

	it('does not depend on the order of the samples', () => {
		const samples = [s(0.2, false), s(0.6, true), s(0.1, false), s(0.8, true)];
		expect(calibrate(samples)).toEqual(calibrate([...samples].reverse()));
	});

	it('with overlapping classes takes the widest of the gaps that misclassify fewest', () => {
		// The unrelated 0.55 sits among related scores; cutting in (0.3, 0.5) or (0.55, 0.6) each
		// misclassify one sample, and (0.3, 0.5) is wider.
		const c = calibrate([s(0.1, false), s(0.3, false), s(0.5, true), s(0.55, false), s(0.6, true), s(0.9, true)]);
		expect(c.threshold).toBeCloseTo(0.4, 12);
	});

	it('uses the median related score, so one outlier does not move the strong band', () => {
		const base = [s(0, false), s(0.5, true), s(0.6, true), s(0.7, true)];
		expect(calibrate([...base, s(0.99, true)]).strong).toBeCloseTo(calibrate([...base, s(0.71, true)]).strong, 12);
	});

	it('refuses data it cannot calibrate from', () => {
		expect(() => calibrate([s(0.5, true)])).toThrow(RangeError);
		expect(() => calibrate([s(0.5, false), s(Number.NaN, true)])).toThrow(RangeError);
		expect(() => calibrate([s(0.5, false), s(0.5, true)])).toThrow(RangeError);
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
