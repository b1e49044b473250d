/**
 * Search latency of the real SearchIndex over random unit vectors: one query = the full scan,
 * per-note aggregation and top-k. The threshold is -1 so every note is a candidate (the worst
 * case for the top-k stage); real calibrated thresholds only make it cheaper.
 */
import type { NoteRecord, StoredPassage } from '../../src/core/store/types';
import { SearchIndex } from '../../src/core/search/search-index';
import { now, runPart } from './part';
import { percentile, randomUnitVector, seededRandom } from './stats';

const DIM = 384;
/** Passages per note: a typical note of a few hundred words splits into a handful. */
const PER_NOTE = 4;

interface Input {
	sizes: number[];
	queries: number;
}

export interface SearchRow {
	passages: number;
	notes: number;
	buildMs: number;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
}

function records(passages: number, rand: () => number): NoteRecord[] {
	const out: NoteRecord[] = [];
	for (let n = 0; n * PER_NOTE < passages; n++) {
		const count = Math.min(PER_NOTE, passages - n * PER_NOTE);
		const vectors = new Float32Array(count * DIM);
		const meta: StoredPassage[] = [];
		for (let p = 0; p < count; p++) {
			randomUnitVector(DIM, rand, vectors, p * DIM);
			meta.push({ heading: `Section ${p}`, start: p * 100, end: p * 100 + 99, snippet: `note ${n} passage ${p}` });
		}
		out.push({ path: `folder-${n % 50}/note-${n}.md`, mtime: 0, size: 0, hash: n.toString(16), passages: meta, vectors });
	}
	return out;
}

runPart<Input, { rows: SearchRow[] }>(async ({ sizes, queries }) => {
	const rand = seededRandom(7);
	const rows: SearchRow[] = [];
	for (const passages of sizes) {
		const recs = records(passages, rand);
		const t0 = now();
		const index = SearchIndex.fromRecords(DIM, recs);
		const buildMs = now() - t0;
		const options = { limit: 20, calibration: { threshold: -1, strong: 0.6 } };
		// Warm-up so the JIT has compiled the kernel before we time it.
		for (let i = 0; i < 5; i++) index.search(randomUnitVector(DIM, rand), options);
		const times: number[] = [];
		for (let i = 0; i < queries; i++) {
			const q = randomUnitVector(DIM, rand);
			const t = now();
			const results = index.search(q, options);
			times.push(now() - t);
			if (results.length === 0) throw new Error('search returned nothing at threshold -1');
		}
		rows.push({ passages, notes: index.noteCount, buildMs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: Math.max(...times) });
		await Promise.resolve();
	}
	return { rows };
});
