import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../src/core/store/types';
import { SearchIndex, type Calibration } from '../../../src/core/search';
import { bruteForce, passage, randomRecords, record, rng, unitVector } from './helpers';

const DIM = 48;
const open: Calibration = { threshold: -1, strong: 0.5 };

describe.each(['wasm', 'js'] as const)('search ranking with the %s kernel', (scorer) => {
	const build = (records: NoteRecord[]): SearchIndex => SearchIndex.fromRecords(DIM, records, { scorer });

	it('matches a brute-force reference: best passage per note, top k by score', () => {
		const random = rng(1);
		const records = randomRecords(random, 400, DIM, 6);
		const index = build(records);
		for (let q = 0; q < 25; q++) {
			const query = unitVector(random, DIM);
			const expected = bruteForce(records, query, DIM, -1, 15);
			const actual = index.search(query, { limit: 15, calibration: open });
			expect(actual.map((r) => r.path)).toEqual(expected.map((e) => e.path));
			actual.forEach((r, i) => {
				// The kernel sums in a different order than the reference: equal up to rounding.
				expect(r.score).toBeCloseTo(expected[i].score, 10);
				expect(r.snippet).toBe(passage(expected[i].passage).snippet);
				expect(r.heading).toBe(passage(expected[i].passage).heading);
				expect(r.start).toBe(passage(expected[i].passage).start);
				expect(r.end).toBe(passage(expected[i].passage).end);
			});
		}
	});

	it('returns exactly the reference set when the limit exceeds the number of notes', () => {
		const random = rng(2);
		const records = randomRecords(random, 30, DIM, 3);
		const index = build(records);
		const query = unitVector(random, DIM);
		const actual = index.search(query, { limit: 1000, calibration: open });
		expect(actual.map((r) => r.path)).toEqual(bruteForce(records, query, DIM, -1, 1000).map((e) => e.path));
		expect(actual).toHaveLength(30);
	});

	it('returns only notes at or above the threshold, and all of them up to the limit', () => {
		const random = rng(3);
		const records = randomRecords(random, 300, DIM, 5);
		const index = build(records);
		const calibration = { threshold: 0.3, strong: 0.45 };
		for (let q = 0; q < 10; q++) {
			const query = unitVector(random, DIM);
			const actual = index.search(query, { limit: 50, calibration });
			for (const r of actual) expect(r.score).toBeGreaterThanOrEqual(0.3);
			expect(actual.map((r) => r.path)).toEqual(bruteForce(records, query, DIM, 0.3, 50).map((e) => e.path));
		}
	});

	it('labels scores at or above the strong boundary as strong, the rest as related', () => {
		const random = rng(4);
		const records = randomRecords(random, 200, DIM, 4);
		const index = build(records);
		const calibration = { threshold: 0.1, strong: 0.35 };
		const results = index.search(unitVector(random, DIM), { limit: 100, calibration });
		expect(results.length).toBeGreaterThan(0);
		for (const r of results) expect(r.band).toBe(r.score >= 0.35 ? 'strong' : 'related');
	});

	it('never returns excluded paths, given as a set or a predicate', () => {
		const random = rng(5);
		const records = randomRecords(random, 200, DIM, 4);
		const index = build(records);
		const query = unitVector(random, DIM);
		const top = index.search(query, { limit: 10, calibration: open }).map((r) => r.path);
		const excludedSet = new Set(top.slice(0, 5));
		const bySet = index.search(query, { limit: 10, calibration: open, exclude: excludedSet });
		expect(bySet.some((r) => excludedSet.has(r.path))).toBe(false);
		expect(bySet.map((r) => r.path)).toEqual(
			bruteForce(records, query, DIM, -1, 10, (p) => excludedSet.has(p)).map((e) => e.path),
		);
		const byPredicate = index.search(query, { limit: 300, calibration: open, exclude: (p) => p.endsWith('7.md') });
		expect(byPredicate.some((r) => r.path.endsWith('7.md'))).toBe(false);
		expect(byPredicate).toHaveLength(records.filter((r) => !r.path.endsWith('7.md')).length);
	});

	it('never returns the current note, even when it is the best match', () => {
		const random = rng(6);
		const records = randomRecords(random, 50, DIM, 3);
		const index = build(records);
		const target = records[17];
		const query = target.vectors.slice(0, DIM);
		expect(index.search(query, { limit: 1, calibration: open })[0].path).toBe(target.path);
		const results = index.search(query, { limit: 50, calibration: open, currentPath: target.path });
		expect(results.map((r) => r.path)).not.toContain(target.path);
		expect(results).toHaveLength(49);
	});

	it('orders equal scores by path, whatever the insertion order', () => {
		const random = rng(7);
		const shared = unitVector(random, DIM);
		const paths = ['b.md', 'a/z.md', 'a.md', 'B.md', 'c.md', 'a/b.md'];
		const records = paths.map((p) => record(p, [unitVector(random, DIM), shared], DIM));
		const forward = build(records);
		const backward = build([...records].reverse());
		const options = { limit: 10, calibration: open };
		const a = forward.search(shared, options);
		expect(a.map((r) => r.path)).toEqual([...paths].sort());
		expect(new Set(a.map((r) => r.score)).size).toBe(1);
		expect(backward.search(shared, options)).toEqual(a);
	});

	it('reports the lowest passage index when passages of one note tie', () => {
		const random = rng(8);
		const v = unitVector(random, DIM);
		const index = build([record('n.md', [unitVector(random, DIM), v, v], DIM)]);
		expect(index.search(v, { limit: 1, calibration: open })[0].heading).toBe('Heading 1');
	});

	it('returns nothing, and never NaN, for zero, NaN or infinite queries', () => {
		const random = rng(9);
		const records = randomRecords(random, 20, DIM, 3);
		const index = build(records);
		const zero = new Float32Array(DIM);
		const nan = unitVector(random, DIM);
		nan[3] = NaN;
		const inf = unitVector(random, DIM);
		inf[0] = Infinity;
		for (const q of [zero, nan, inf]) expect(index.search(q, { limit: 10, calibration: open })).toEqual([]);
	});

	it('skips zero and non-finite stored vectors so no score is ever NaN', () => {
		const random = rng(10);
		const bad = unitVector(random, DIM);
		bad[5] = NaN;
		const records = [
			record('nan.md', [bad], DIM),
			record('zero.md', [new Float32Array(DIM)], DIM),
			record('mixed.md', [bad, unitVector(random, DIM)], DIM),
			...randomRecords(random, 10, DIM, 2),
		];
		const index = build(records);
		expect(index.skippedVectors).toBe(3);
		const results = index.search(unitVector(random, DIM), { limit: 100, calibration: open });
		expect(results.map((r) => r.path)).not.toContain('nan.md');
		expect(results.map((r) => r.path)).not.toContain('zero.md');
		expect(results.find((r) => r.path === 'mixed.md')?.heading).toBe('Heading 1');
		for (const r of results) expect(Number.isFinite(r.score)).toBe(true);
	});

	it('keeps scores cosines in [-1, 1] even for a non-unit query or stored vector', () => {
		const random = rng(11);
		const v = unitVector(random, DIM);
		const big = v.map((x) => x * 3);
		const index = build([record('a.md', [big], DIM)]);
		const [r] = index.search(v.map((x) => x * 7), { limit: 1, calibration: open });
		expect(r.score).toBeCloseTo(1, 6);
		expect(r.score).toBeLessThanOrEqual(1);
	});

	it('returns nothing for a limit of zero, and for an empty index', () => {
		const random = rng(12);
		const query = unitVector(random, DIM);
		expect(new SearchIndex(DIM, { scorer }).search(query, { limit: 10, calibration: open })).toEqual([]);
		const index = build(randomRecords(random, 5, DIM, 2));
		expect(index.search(query, { limit: 0, calibration: open })).toEqual([]);
	});

	it('rejects a query or record of the wrong dimension', () => {
		const index = new SearchIndex(DIM, { scorer });
		expect(() => index.search(new Float32Array(DIM + 1), { limit: 1, calibration: open })).toThrow(RangeError);
		const wrong = { ...record('x.md', [new Float32Array(DIM)], DIM), vectors: new Float32Array(DIM - 1) };
		expect(() => index.upsert(wrong)).toThrow(/x\.md/);
		expect(index.has('x.md')).toBe(false);
	});
});

describe('scoring kernels', () => {
	it('uses WebAssembly SIMD in this runtime and agrees with the JS kernel', () => {
		const random = rng(61);
		const records = randomRecords(random, 300, 384, 4);
		const wasm = SearchIndex.fromRecords(384, records);
		const js = SearchIndex.fromRecords(384, records, { scorer: 'js' });
		expect(wasm.scorer).toBe('wasm');
		expect(js.scorer).toBe('js');
		for (let q = 0; q < 10; q++) {
			const query = unitVector(random, 384);
			const a = wasm.search(query, { limit: 50, calibration: open });
			const b = js.search(query, { limit: 50, calibration: open });
			expect(a.map((r) => r.path)).toEqual(b.map((r) => r.path));
			a.forEach((r, i) => expect(Math.abs(r.score - b[i].score)).toBeLessThan(1e-12));
		}
	});

	it('falls back to the JS kernel for dimensions SIMD does not handle, with the same ranking', () => {
		const random = rng(62);
		const records = randomRecords(random, 100, 13, 3);
		const index = SearchIndex.fromRecords(13, records);
		expect(index.scorer).toBe('js');
		const query = unitVector(random, 13);
		expect(index.search(query, { limit: 10, calibration: open }).map((r) => r.path)).toEqual(
			bruteForce(records, query, 13, -1, 10).map((e) => e.path),
		);
	});

	it('moves to the JS kernel, keeping every row, when WebAssembly memory cannot grow', () => {
		const random = rng(63);
		const records = randomRecords(random, 200, 384, 4);
		const index = new SearchIndex(384);
		for (const r of records.slice(0, 10)) index.upsert(r);
		expect(index.scorer).toBe('wasm');
		const realMemory = WebAssembly.Memory;
		// Simulates an engine refusing a larger linear memory (e.g. a phone near its limit).
		const refuse = function (): never {
			throw new RangeError('WebAssembly.Memory(): could not allocate memory');
		};
		Object.defineProperty(WebAssembly, 'Memory', { value: refuse, configurable: true, writable: true });
		try {
			for (const r of records.slice(10)) index.upsert(r);
		} finally {
			Object.defineProperty(WebAssembly, 'Memory', { value: realMemory, configurable: true, writable: true });
		}
		expect(index.scorer).toBe('js');
		const query = unitVector(random, 384);
		expect(index.search(query, { limit: 20, calibration: open }).map((r) => r.path)).toEqual(
			bruteForce(records, query, 384, -1, 20).map((e) => e.path),
		);
	});
});
