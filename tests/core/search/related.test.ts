import { describe, expect, it } from 'vitest';
import { SearchIndex, relatedNotes, type Calibration } from '../../../src/core/search';
import { bruteForce, randomRecords, record, rng, unitVector } from './helpers';

const DIM = 32;
const open: Calibration = { threshold: -1, strong: 0.5 };

describe('related notes', () => {
	it('never lists the note itself', () => {
		const random = rng(41);
		const records = randomRecords(random, 60, DIM, 4);
		const index = SearchIndex.fromRecords(DIM, records);
		for (const r of records.slice(0, 10)) {
			const related = index.related(r.path, { limit: 100, calibration: open });
			expect(related.map((x) => x.path)).not.toContain(r.path);
			expect(related).toHaveLength(59);
		}
	});

	it('queries with the renormalised mean of the note passages', () => {
		const random = rng(42);
		const records = randomRecords(random, 80, DIM, 4);
		const index = SearchIndex.fromRecords(DIM, records);
		const note = records[5];
		const n = note.passages.length;
		const mean = new Float32Array(DIM);
		for (let i = 0; i < DIM; i++) {
			let s = 0;
			for (let p = 0; p < n; p++) s += note.vectors[p * DIM + i];
			mean[i] = s / n;
		}
		const expected = bruteForce(records, mean, DIM, -1, 10, (p) => p === note.path);
		const actual = index.related(note.path, { limit: 10, calibration: open });
		expect(actual.map((r) => r.path)).toEqual(expected.map((e) => e.path));
		actual.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i].score, 5));
	});

	it('finds the note that shares a passage first', () => {
		const random = rng(43);
		const shared = unitVector(random, DIM);
		const records = [
			record('a.md', [shared], DIM),
			record('b.md', [unitVector(random, DIM), shared], DIM),
			...randomRecords(random, 30, DIM, 3),
		];
		const index = SearchIndex.fromRecords(DIM, records);
		expect(index.related('a.md', { limit: 1, calibration: open })[0].path).toBe('b.md');
	});

	it('explains why there is nothing: unknown note, note without text, empty index, threshold', () => {
		const random = rng(44);
		expect(relatedNotes(new SearchIndex(DIM), 'a.md', { limit: 5 }).reason).toBe('empty-index');
		const index = SearchIndex.fromRecords(DIM, [
			...randomRecords(random, 5, DIM, 2),
			{ path: 'empty.md', mtime: 0, size: 0, hash: '', passages: [], vectors: new Float32Array(0) },
		]);
		expect(relatedNotes(index, 'missing.md', { limit: 5 }).reason).toBe('not-indexed');
		expect(relatedNotes(index, 'empty.md', { limit: 5 }).reason).toBe('no-vector');
		const strict = relatedNotes(index, 'note-0000.md', { limit: 5, calibration: { threshold: 0.99, strong: 0.995 } });
		expect(strict).toEqual({ results: [], reason: 'below-threshold' });
		const some = relatedNotes(index, 'note-0000.md', { limit: 5, calibration: open });
		expect(some.reason).toBeUndefined();
		expect(some.results.map((r) => r.path)).not.toContain('note-0000.md');
	});
});
