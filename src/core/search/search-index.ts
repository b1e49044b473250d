import type { RecordsChange } from '../index/types';
import type { NoteRecord, StoredPassage } from '../store/types';
import { bestPerNote, norm } from './kernel';
import { VectorMatrix } from './matrix';
import { DEFAULT_CALIBRATIONS } from './calibration';
import { bandOf, isExcluded, type SearchOptions } from './options';
import type { ScorerKind } from './row-scorer';
import { TopK } from './top-k';
import type { SearchResult } from './types';

/** One indexed note. `rows[i]` is the matrix row of passage i, or -1 if that vector was unusable. */
interface NoteEntry {
	slot: number;
	path: string;
	passages: readonly StoredPassage[];
	rows: Int32Array;
}

interface Candidate {
	entry: NoteEntry;
	row: number;
	score: number;
}

/** Result order: score descending, then path in code-unit order (locale-independent, so stable everywhere). */
function ranksBefore(a: Candidate, b: Candidate): boolean {
	if (a.score !== b.score) return a.score > b.score;
	return a.entry.path < b.entry.path;
}

export interface SearchIndexOptions {
	/** Force a scoring kernel (tests, benchmarks); by default the fastest available is used. */
	scorer?: ScorerKind;
}

/** Stored vectors this far from unit length are renormalised on load rather than trusted. */
const NORM_TOLERANCE = 1e-3;

/**
 * In-memory search index: every passage vector in one {@link VectorMatrix}, plus the passage
 * metadata needed to show a result. Kept current note by note (upsert / remove / rename), so a
 * changed note never forces a rebuild.
 */
export class SearchIndex {
	private readonly matrix: VectorMatrix;
	private readonly byPath = new Map<string, NoteEntry>();
	/** Note slots, indexed by the slot number stored per matrix row; freed slots are reused. */
	private readonly slots: (NoteEntry | undefined)[] = [];
	private readonly freeSlots: number[] = [];
	private skipped = 0;
	/** Per-note scratch for search, kept between searches so typing a query does not churn memory. */
	private best = new Float64Array(0);
	private bestRow = new Int32Array(0);

	constructor(
		readonly dim: number,
		options: SearchIndexOptions = {},
	) {
		this.matrix = new VectorMatrix(dim, 64, options.scorer);
	}

	/** Builds an index from stored records, allocating the matrix once at its final size. */
	static fromRecords(dim: number, records: Iterable<NoteRecord>, options: SearchIndexOptions = {}): SearchIndex {
		const index = new SearchIndex(dim, options);
		const list = [...records];
		index.matrix.reserve(list.reduce((n, r) => n + r.passages.length, 0));
		for (const record of list) index.upsert(record);
		return index;
	}

	/** Notes known to the index, including notes without any searchable passage. */
	get noteCount(): number {
		return this.byPath.size;
	}

	/** Searchable passages (matrix rows). Zero means every search comes back empty. */
	get passageCount(): number {
		return this.matrix.rows;
	}

	/** The kernel in use: 'wasm' (SIMD) where available, else 'js'. */
	get scorer(): ScorerKind {
		return this.matrix.scorerKind;
	}

	/** Passage vectors left out because they were zero or not finite, since the index was created. */
	get skippedVectors(): number {
		return this.skipped;
	}

	has(path: string): boolean {
		return this.byPath.has(path);
	}

	paths(): IterableIterator<string> {
		return this.byPath.keys();
	}

	/**
	 * Adds or replaces a note. Zero or non-finite passage vectors are skipped (they would score 0
	 * or NaN); vectors that are not unit length are normalised so scores stay cosines.
	 * @throws RangeError if `record.vectors` is not `passages.length × dim` floats.
	 */
	upsert(record: NoteRecord): void {
		const dim = this.dim;
		const n = record.passages.length;
		if (record.vectors.length !== n * dim) {
			throw new RangeError(
				`${record.path}: expected ${n} × ${dim} = ${n * dim} vector values, got ${record.vectors.length}`,
			);
		}
		this.remove(record.path);
		const slot = this.freeSlots.pop() ?? this.slots.length;
		const entry: NoteEntry = { slot, path: record.path, passages: record.passages, rows: new Int32Array(n).fill(-1) };
		this.slots[slot] = entry;
		this.byPath.set(record.path, entry);
		const lengths = new Float64Array(n);
		let allUnit = true;
		for (let p = 0; p < n; p++) {
			lengths[p] = norm(record.vectors, p * dim, dim);
			if (!(Math.abs(lengths[p] - 1) <= NORM_TOLERANCE)) allUnit = false;
		}
		if (allUnit) {
			// The normal case (the embedder L2-normalises): one copy for the whole note.
			const first = this.matrix.appendBlock(record.vectors, n, slot);
			for (let p = 0; p < n; p++) entry.rows[p] = first + p;
			return;
		}
		this.matrix.reserve(n);
		for (let p = 0; p < n; p++) {
			const length = lengths[p];
			if (!(length > 0) || !Number.isFinite(length)) {
				this.skipped++;
				continue;
			}
			const scale = Math.abs(length - 1) > NORM_TOLERANCE ? 1 / length : 1;
			entry.rows[p] = this.matrix.append(record.vectors, p * dim, scale, slot, p);
		}
	}

	/** Removes a note and its rows; returns whether it was indexed. */
	remove(path: string): boolean {
		const entry = this.byPath.get(path);
		if (entry === undefined) return false;
		// Highest rows first: then the row swapped in from the end is never one of this note's own.
		const rows = Array.from(entry.rows)
			.filter((r) => r >= 0)
			.sort((a, b) => b - a);
		for (const row of rows) {
			const moved = this.matrix.swapRemove(row);
			if (moved < 0) continue;
			const owner = this.slots[this.matrix.rowNote[row]];
			if (owner !== undefined) owner.rows[this.matrix.rowPassage[row]] = row;
		}
		this.byPath.delete(path);
		this.slots[entry.slot] = undefined;
		this.freeSlots.push(entry.slot);
		return true;
	}

	/**
	 * Moves a note to a new path without touching its vectors (only the path label changes).
	 * A note already at `to` is replaced. Returns whether `from` was indexed.
	 */
	rename(from: string, to: string): boolean {
		const entry = this.byPath.get(from);
		if (entry === undefined) return false;
		if (from === to) return true;
		this.remove(to);
		this.byPath.delete(from);
		entry.path = to;
		this.byPath.set(to, entry);
		return true;
	}

	/**
	 * Applies one store change from the indexer's `records` event: reset, removals, renames, then
	 * upserts — the order the store applied them in. A record that cannot be loaded (wrong
	 * dimension) is returned instead of thrown, so one bad record never blocks the rest; its
	 * previous vectors are dropped too, since the store no longer holds them.
	 */
	apply(change: RecordsChange): { path: string; error: Error }[] {
		if (change.reset) this.clear();
		for (const path of change.removed) this.remove(path);
		for (const [from, to] of change.renamed) this.rename(from, to);
		const rejected: { path: string; error: Error }[] = [];
		// A start-up load is one change of every record: allocate the matrix once, at its final size.
		this.matrix.reserve(change.upserted.reduce((n, r) => n + r.passages.length, 0));
		for (const record of change.upserted) {
			try {
				this.upsert(record);
			} catch (error) {
				this.remove(record.path);
				rejected.push({ path: record.path, error: error instanceof Error ? error : new Error(String(error)) });
			}
		}
		return rejected;
	}

	clear(): void {
		this.byPath.clear();
		this.slots.length = 0;
		this.freeSlots.length = 0;
		this.matrix.clear();
	}

	/**
	 * The note as one query vector: the mean of its passage vectors, renormalised. One vector keeps
	 * "related notes" a single scan; the max over passage pairs would cost passages× as much.
	 * Undefined if the note is unknown or has no usable passage.
	 */
	noteVector(path: string): Float32Array | undefined {
		const entry = this.byPath.get(path);
		if (entry === undefined) return undefined;
		const dim = this.dim;
		const sum = new Float64Array(dim);
		const data = this.matrix.data;
		let used = 0;
		for (const row of entry.rows) {
			if (row < 0) continue;
			used++;
			for (let i = 0, base = row * dim; i < dim; i++) sum[i] += data[base + i];
		}
		if (used === 0) return undefined;
		let length = 0;
		for (let i = 0; i < dim; i++) length += sum[i] * sum[i];
		length = Math.sqrt(length);
		// Passages pointing in opposite directions can cancel out: no direction, no query.
		if (!(length > 1e-9)) return undefined;
		const vector = new Float32Array(dim);
		for (let i = 0; i < dim; i++) vector[i] = sum[i] / length;
		return vector;
	}

	/**
	 * Notes most similar to `query`, each scored by its best passage (cosine similarity), best first;
	 * ties by path, then the lower passage index within a note. Notes below the threshold (the
	 * search calibration's unless one is given), excluded
	 * notes and `currentPath` are never returned. A zero or non-finite query returns [].
	 * @throws RangeError if `query.length !== dim`.
	 */
	search(query: Float32Array, options: SearchOptions): SearchResult[] {
		if (query.length !== this.dim) {
			throw new RangeError(`Query has ${query.length} dimensions, the index has ${this.dim}`);
		}
		const limit = Math.floor(options.limit);
		if (!(limit > 0) || this.matrix.rows === 0) return [];
		const queryNorm = norm(query, 0, this.dim);
		if (!(queryNorm > 0) || !Number.isFinite(queryNorm)) return [];

		const slotCount = this.slots.length;
		if (this.best.length < slotCount) {
			this.best = new Float64Array(slotCount * 2);
			this.bestRow = new Int32Array(slotCount * 2);
		}
		const best = this.best.fill(-Infinity, 0, slotCount);
		const bestRow = this.bestRow;
		bestPerNote(this.matrix, this.matrix.score(query), best, bestRow);

		const { calibration = DEFAULT_CALIBRATIONS.search, exclude, currentPath } = options;
		const top = new TopK<Candidate>(Math.min(limit, slotCount), ranksBefore);
		// One reusable probe: notes that cannot make the top k cost no allocation and no filter call.
		const probe: Candidate = { entry: { slot: -1, path: '', passages: [], rows: new Int32Array(0) }, row: -1, score: 0 };
		for (let slot = 0; slot < slotCount; slot++) {
			const entry = this.slots[slot];
			if (entry === undefined || !(best[slot] > -Infinity)) continue;
			// Divide by the query norm so a slightly off-unit query still yields cosines; clamp rounding.
			const score = Math.min(1, Math.max(-1, best[slot] / queryNorm));
			if (!(score >= calibration.threshold)) continue;
			probe.entry = entry;
			probe.score = score;
			if (!top.wouldKeep(probe)) continue;
			if (entry.path === currentPath || isExcluded(exclude, entry.path)) continue;
			top.push({ entry, row: bestRow[slot], score });
		}

		return top.sorted().map(({ entry, row, score }) => {
			const passage = entry.passages[this.matrix.rowPassage[row]];
			return {
				path: entry.path,
				score,
				band: bandOf(score, calibration),
				heading: passage.heading,
				snippet: passage.snippet,
				start: passage.start,
				end: passage.end,
			};
		});
	}

	/**
	 * The cosine of `query` with the note's best passage, undefined for a note without a usable
	 * passage: a few dot products, for checking single notes against the threshold.
	 */
	bestScore(query: Float32Array, path: string): number | undefined {
		const entry = this.byPath.get(path);
		const queryNorm = norm(query, 0, this.dim);
		if (entry === undefined || !(queryNorm > 0) || query.length !== this.dim) return undefined;
		let best = -Infinity;
		const data = this.matrix.data;
		for (const row of entry.rows) {
			if (row < 0) continue;
			let dot = 0;
			for (let i = 0, base = row * this.dim; i < this.dim; i++) dot += data[base + i] * query[i];
			if (dot > best) best = dot;
		}
		return best > -Infinity ? Math.min(1, Math.max(-1, best / queryNorm)) : undefined;
	}

	/**
	 * Notes related to the note at `path`: a {@link search} with the note's {@link noteVector},
	 * never returning the note itself, with the related-notes calibration unless one is given.
	 * [] if the note is unknown or has no usable passage.
	 */
	related(path: string, options: SearchOptions): SearchResult[] {
		const vector = this.noteVector(path);
		if (vector === undefined) return [];
		return this.search(vector, { ...options, calibration: options.calibration ?? DEFAULT_CALIBRATIONS.related, currentPath: path });
	}
}
