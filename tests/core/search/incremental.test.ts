import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../src/core/store/types';
import { SearchIndex, type Calibration } from '../../../src/core/search';
import { randomRecords, record, rng, unitVector } from './helpers';

const DIM = 32;
const open: Calibration = { threshold: -1, strong: 0.5 };

/** Everything observable through search: same results for many queries, same counts. */
function expectSameAnswers(actual: SearchIndex, expected: SearchIndex, seed: number): void {
	expect(actual.noteCount).toBe(expected.noteCount);
	expect(actual.passageCount).toBe(expected.passageCount);
	expect([...actual.paths()].sort()).toEqual([...expected.paths()].sort());
	const random = rng(seed);
	for (let q = 0; q < 15; q++) {
		const query = unitVector(random, DIM);
		const a = actual.search(query, { limit: 1000, calibration: open });
		const e = expected.search(query, { limit: 1000, calibration: open });
		// Same rows, possibly in another matrix order: scores are bit-identical per row.
		expect(a).toEqual(e);
	}
}

describe('incremental updates', () => {
	it('after many upserts, removals and renames, answers exactly like a fresh build', () => {
		const random = rng(21);
		let live = new Map<string, NoteRecord>(randomRecords(random, 120, DIM, 5).map((r) => [r.path, r]));
		const index = SearchIndex.fromRecords(DIM, live.values());
		for (let step = 0; step < 400; step++) {
			const paths = [...live.keys()];
			const pick = paths[Math.floor(random() * paths.length)];
			const action = random();
			if (action < 0.35) {
				// Replace an existing note with different content and passage count.
				const [changed] = randomRecords(random, 1, DIM, 6);
				const next = { ...changed, path: pick };
				index.upsert(next);
				live.set(pick, next);
			} else if (action < 0.55) {
				const [fresh] = randomRecords(random, 1, DIM, 6, `new-${step}`);
				index.upsert(fresh);
				live.set(fresh.path, fresh);
			} else if (action < 0.8) {
				expect(index.remove(pick)).toBe(true);
				live.delete(pick);
			} else {
				const to = `renamed/${step}.md`;
				expect(index.rename(pick, to)).toBe(true);
				const moved = { ...live.get(pick)!, path: to };
				live.delete(pick);
				live = new Map([...live, [to, moved]]);
			}
		}
		expectSameAnswers(index, SearchIndex.fromRecords(DIM, live.values()), 22);
	});

	it('removing every note leaves an empty index that can be refilled', () => {
		const random = rng(23);
		const records = randomRecords(random, 50, DIM, 4);
		const index = SearchIndex.fromRecords(DIM, records);
		for (const r of records) index.remove(r.path);
		expect(index.passageCount).toBe(0);
		expect(index.noteCount).toBe(0);
		expect(index.search(unitVector(random, DIM), { limit: 10, calibration: open })).toEqual([]);
		for (const r of records) index.upsert(r);
		expectSameAnswers(index, SearchIndex.fromRecords(DIM, records), 24);
	});

	it('renames a note without copying or changing any vector', () => {
		const random = rng(25);
		const records = randomRecords(random, 40, DIM, 4);
		const index = SearchIndex.fromRecords(DIM, records);
		const query = records[3].vectors.slice(0, DIM);
		const before = index.search(query, { limit: 5, calibration: open });
		const storage = (index as unknown as { matrix: { data: Float32Array; rows: number } }).matrix;
		const buffer = storage.data;
		const snapshot = buffer.slice(0, storage.rows * DIM);

		expect(index.rename(records[3].path, 'Archive/moved.md')).toBe(true);

		expect(storage.data).toBe(buffer);
		expect(storage.data.slice(0, storage.rows * DIM)).toEqual(snapshot);
		const after = index.search(query, { limit: 5, calibration: open });
		expect(after[0]).toEqual({ ...before[0], path: 'Archive/moved.md' });
		expect(index.has(records[3].path)).toBe(false);
	});

	it('renaming onto an existing path replaces that note', () => {
		const random = rng(26);
		const [a, b] = randomRecords(random, 2, DIM, 2);
		const index = SearchIndex.fromRecords(DIM, [a, b]);
		index.rename(a.path, b.path);
		expectSameAnswers(index, SearchIndex.fromRecords(DIM, [{ ...a, path: b.path }]), 27);
	});

	it('ignores removing or renaming a note it does not know', () => {
		const index = SearchIndex.fromRecords(DIM, randomRecords(rng(28), 3, DIM, 2));
		expect(index.remove('missing.md')).toBe(false);
		expect(index.rename('missing.md', 'other.md')).toBe(false);
		expect(index.noteCount).toBe(3);
	});

	it('grows past its initial capacity and shrinks after mass removal without losing rows', () => {
		const random = rng(29);
		const records = randomRecords(random, 1500, DIM, 3);
		const index = new SearchIndex(DIM);
		for (const r of records) index.upsert(r);
		const kept = records.filter((_, i) => i % 10 === 0);
		for (const r of records) if (!kept.includes(r)) index.remove(r.path);
		expectSameAnswers(index, SearchIndex.fromRecords(DIM, kept), 30);
	});

	it('keeps notes without passages (empty or failed) known but never returned', () => {
		const random = rng(31);
		const empty: NoteRecord = { path: 'empty.md', mtime: 0, size: 0, hash: '', passages: [], vectors: new Float32Array(0) };
		const failed: NoteRecord = { ...empty, path: 'failed.md', failure: 'too large' };
		const index = SearchIndex.fromRecords(DIM, [empty, failed, record('a.md', [unitVector(random, DIM)], DIM)]);
		expect(index.noteCount).toBe(3);
		expect(index.search(unitVector(random, DIM), { limit: 10, calibration: open }).map((r) => r.path)).toEqual(['a.md']);
	});
});

describe('applying indexer record changes', () => {
	it('applies reset, removals, renames and upserts like doing them one by one', () => {
		const random = rng(51);
		const records = randomRecords(random, 20, DIM, 3);
		const [fresh] = randomRecords(random, 1, DIM, 3, 'fresh');
		const changed = { ...randomRecords(random, 1, DIM, 3)[0], path: records[2].path };
		const index = SearchIndex.fromRecords(DIM, records);
		const rejected = index.apply({
			reset: false,
			removed: [records[0].path],
			renamed: [[records[1].path, 'moved.md']],
			upserted: [fresh, changed],
		});
		expect(rejected).toEqual([]);
		const expected = [{ ...records[1], path: 'moved.md' }, changed, ...records.slice(3), fresh];
		expectSameAnswers(index, SearchIndex.fromRecords(DIM, expected), 52);
	});

	it('drops everything on reset and reports records of the wrong dimension instead of throwing', () => {
		const random = rng(53);
		const index = SearchIndex.fromRecords(DIM, randomRecords(random, 10, DIM, 3));
		const good = randomRecords(random, 2, DIM, 2, 'new');
		const bad = { ...good[0], path: 'bad.md', vectors: new Float32Array(3) };
		const rejected = index.apply({ reset: true, removed: [], renamed: [], upserted: [good[0], bad, good[1]] });
		expect(rejected.map((r) => r.path)).toEqual(['bad.md']);
		expect(rejected[0].error).toBeInstanceOf(RangeError);
		expectSameAnswers(index, SearchIndex.fromRecords(DIM, good), 54);
	});

	it('drops a note whose new record is rejected: the store no longer holds its old vectors', () => {
		const random = rng(55);
		const records = randomRecords(random, 5, DIM, 2);
		const index = SearchIndex.fromRecords(DIM, records);
		const target = records[3];
		const rejected = index.apply({ reset: false, removed: [], renamed: [], upserted: [{ ...target, vectors: new Float32Array(1) }] });
		expect(rejected.map((r) => r.path)).toEqual([target.path]);
		expect(index.has(target.path)).toBe(false);
		expectSameAnswers(index, SearchIndex.fromRecords(DIM, records.filter((r) => r !== target)), 56);
	});
});
