import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATIONS, SearchIndex, relatedNotes, type Calibration } from '../../../src/core/search';
import { scoreSpread, standardScore, standoutApplies, STANDOUT_MIN_NOTES } from '../../../src/core/search/standout';
import { record } from './helpers';

const DIM = 4;
/** A unit vector at cosine `c` with the query e0. */
const at = (c: number): Float32Array => Float32Array.from([c, Math.sqrt(1 - c * c), 0, 0]);
const query = Float32Array.from([1, 0, 0, 0]);

/** `background` notes scoring 0.4, plus notes scoring 0.45 and 0.95: a query that scores everything high. */
function index(background: number): SearchIndex {
	const records = Array.from({ length: background }, (_, i) => record(`bg-${String(i).padStart(2, '0')}.md`, [at(0.4)], DIM));
	records.push(record('weak.md', [at(0.45)], DIM), record('match.md', [at(0.95)], DIM));
	return SearchIndex.fromRecords(DIM, records);
}

describe('scoreSpread and standardScore', () => {
	it('are the mean, the population standard deviation and the z-score', () => {
		const spread = scoreSpread([1, 2, 3, 4]);
		expect(spread.count).toBe(4);
		expect(spread.mean).toBe(2.5);
		expect(spread.sd).toBeCloseTo(Math.sqrt(1.25), 12);
		expect(standardScore(4, spread)).toBeCloseTo(1.5 / Math.sqrt(1.25), 12);
	});

	it('apply only with enough notes whose scores differ', () => {
		expect(standoutApplies(scoreSpread(Array.from({ length: STANDOUT_MIN_NOTES }, (_, i) => i)))).toBe(true);
		expect(standoutApplies(scoreSpread(Array.from({ length: STANDOUT_MIN_NOTES - 1 }, (_, i) => i)))).toBe(false);
		expect(standoutApplies(scoreSpread(new Array<number>(50).fill(0.3)))).toBe(false);
	});
});

describe('search with the standout rule', () => {
	const rule: Calibration = { threshold: 0.3, strong: 0.6, standout: 2.5 };

	it('hides notes above the threshold that do not stand out from the rest of the index', () => {
		// 30 notes: mean 0.42, sd ≈ 0.099, so 0.95 has z ≈ 5.4 and 0.45 only z ≈ 0.3.
		expect(index(28).search(query, { limit: 50, calibration: rule }).map((r) => r.path)).toEqual(['match.md']);
	});

	it('shows every note above the threshold when the calibration has no standout rule', () => {
		expect(index(28).search(query, { limit: 50, calibration: { threshold: 0.3, strong: 0.6 } })).toHaveLength(30);
	});

	it('falls back to the threshold alone in an index too small for a meaningful spread', () => {
		const small = index(STANDOUT_MIN_NOTES - 3); // 19 notes
		expect(small.search(query, { limit: 50, calibration: rule })).toHaveLength(STANDOUT_MIN_NOTES - 1);
	});

	it('leaves the current note out of the spread, so it cannot mask the notes after it', () => {
		// Without match.md the 29 others have mean ≈ 0.402 and sd ≈ 0.009: 0.45 stands out (z ≈ 5.3).
		expect(index(28).search(query, { limit: 50, calibration: rule, currentPath: 'match.md' }).map((r) => r.path)).toEqual(['weak.md']);
	});

	it('uses the search calibration, standout rule included, when none is given', () => {
		expect(DEFAULT_CALIBRATIONS.search.standout).toBeDefined();
		expect(index(28).search(query, { limit: 50 }).map((r) => r.path)).toEqual(['match.md']);
	});
});

describe('related notes', () => {
	it('use the related calibration by default: its own threshold and no standout rule', () => {
		const { threshold } = DEFAULT_CALIBRATIONS.related;
		expect(DEFAULT_CALIBRATIONS.related.standout).toBeUndefined();
		const above = Array.from({ length: 25 }, (_, i) => record(`above-${i}.md`, [at(threshold + 0.02)], DIM));
		const below = Array.from({ length: 5 }, (_, i) => record(`below-${i}.md`, [at(threshold - 0.02)], DIM));
		const idx = SearchIndex.fromRecords(DIM, [record('open.md', [query], DIM), ...above, ...below]);
		const paths = relatedNotes(idx, 'open.md', { limit: 50 }).results.map((r) => r.path);
		expect(paths.sort()).toEqual(above.map((r) => r.path).sort());
		expect(idx.related('open.md', { limit: 50 })).toHaveLength(25);
	});
});
