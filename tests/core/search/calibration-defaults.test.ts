import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATIONS, SearchIndex, relatedNotes } from '../../../src/core/search';
import { record } from './helpers';

const DIM = 4;
/** A unit vector at cosine `c` with e0. */
const at = (c: number): Float32Array => Float32Array.from([c, Math.sqrt(1 - c * c), 0, 0]);
const e0 = Float32Array.from([1, 0, 0, 0]);

/** The open note (e0) and notes just above and just below `threshold` against it. */
function indexAround(threshold: number): SearchIndex {
	return SearchIndex.fromRecords(DIM, [
		record('open.md', [e0], DIM),
		record('above.md', [at(threshold + 0.01)], DIM),
		record('below.md', [at(threshold - 0.01)], DIM),
	]);
}

describe('the calibration each path uses when none is given', () => {
	it('differs between search and related notes (they were calibrated apart)', () => {
		expect(DEFAULT_CALIBRATIONS.related.threshold).not.toBe(DEFAULT_CALIBRATIONS.search.threshold);
	});

	it('search uses the search threshold', () => {
		const index = indexAround(DEFAULT_CALIBRATIONS.search.threshold);
		const paths = index.search(e0, { limit: 10, currentPath: 'open.md' }).map((r) => r.path);
		expect(paths).toEqual(['above.md']);
	});

	it('related notes use the related threshold, through SearchIndex and relatedNotes alike', () => {
		const index = indexAround(DEFAULT_CALIBRATIONS.related.threshold);
		expect(index.related('open.md', { limit: 10 }).map((r) => r.path)).toEqual(['above.md']);
		expect(relatedNotes(index, 'open.md', { limit: 10 }).results.map((r) => r.path)).toEqual(['above.md']);
	});

	it('a calibration passed in wins over the default', () => {
		const index = indexAround(DEFAULT_CALIBRATIONS.related.threshold);
		expect(index.related('open.md', { limit: 10, calibration: { threshold: -1, strong: 1 } })).toHaveLength(2);
	});
});
