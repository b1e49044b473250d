import { JsScorer } from './js-scorer';
import type { RowScorer, ScorerKind } from './row-scorer';
import { createScorer } from './create-scorer';

/**
 * All passage vectors of the index in one contiguous, row-major Float32Array, so a search is a
 * single linear scan with no pointer chasing. Each row also records which note (slot) and which
 * passage of that note it holds; the two columns move with the row when rows are swapped.
 */
export class VectorMatrix {
	/** Row-major vectors; only the first `rows * dim` floats are meaningful. */
	data: Float32Array;
	/** Note slot of each row. */
	rowNote: Int32Array;
	/** Passage index (within its note) of each row. */
	rowPassage: Int32Array;
	private count = 0;
	private scorer: RowScorer;

	constructor(
		readonly dim: number,
		initialRows = 64,
		kind?: ScorerKind,
	) {
		if (!Number.isInteger(dim) || dim <= 0) throw new RangeError(`Vector dimension must be a positive integer, got ${dim}`);
		const capacity = Math.max(1, Math.ceil(initialRows));
		this.scorer = createScorer(dim, kind);
		this.data = this.allocate(capacity);
		this.rowNote = new Int32Array(capacity);
		this.rowPassage = new Int32Array(capacity);
	}

	/** Which kernel scores this matrix. */
	get scorerKind(): ScorerKind {
		return this.scorer.kind;
	}

	/** Dot product of every row with `query`, in double precision; reused by the next call. */
	score(query: Float32Array): Float64Array {
		return this.scorer.score(this.data, this.count, query);
	}

	get rows(): number {
		return this.count;
	}

	get capacity(): number {
		return this.rowNote.length;
	}

	/**
	 * Appends `src[offset .. offset + dim)` scaled by `scale`, returning the new row index.
	 * Scaling happens here so a not-quite-unit vector is normalised without a temporary copy.
	 */
	append(src: Float32Array, offset: number, scale: number, note: number, passage: number): number {
		if (this.count === this.capacity) this.resize(this.capacity * 2);
		const row = this.count++;
		const base = row * this.dim;
		if (scale === 1) {
			this.data.set(src.subarray(offset, offset + this.dim), base);
		} else {
			for (let i = 0; i < this.dim; i++) this.data[base + i] = src[offset + i] * scale;
		}
		this.rowNote[row] = note;
		this.rowPassage[row] = passage;
		return row;
	}

	/**
	 * Appends all `count` rows of `src` (one note's vectors, already checked) with a single copy,
	 * returning the first new row index; row i belongs to passage i of `note`.
	 */
	appendBlock(src: Float32Array, count: number, note: number): number {
		this.reserve(count);
		const first = this.count;
		this.data.set(src.subarray(0, count * this.dim), first * this.dim);
		for (let i = 0; i < count; i++) {
			this.rowNote[first + i] = note;
			this.rowPassage[first + i] = i;
		}
		this.count += count;
		return first;
	}

	/**
	 * Removes `row` by moving the last row into its place (O(dim), no shifting).
	 * Returns the old index of the row that moved into `row`, or -1 if `row` was the last one;
	 * the caller must update whatever points at the moved row.
	 */
	swapRemove(row: number): number {
		if (row < 0 || row >= this.count) throw new RangeError(`Row ${row} out of range 0..${this.count - 1}`);
		const last = --this.count;
		if (row === last) {
			this.maybeShrink();
			return -1;
		}
		const dim = this.dim;
		this.data.copyWithin(row * dim, last * dim, last * dim + dim);
		this.rowNote[row] = this.rowNote[last];
		this.rowPassage[row] = this.rowPassage[last];
		this.maybeShrink();
		return last;
	}

	/** Makes room for `extra` more rows at once, so bulk loads allocate a single time. */
	reserve(extra: number): void {
		const needed = this.count + extra;
		if (needed > this.capacity) this.resize(Math.max(needed, this.capacity * 2));
	}

	clear(): void {
		this.count = 0;
		this.resize(64);
	}

	/** Gives memory back after large removals (e.g. an excluded folder), keeping slack for regrowth. */
	private maybeShrink(): void {
		if (this.capacity > 1024 && this.count < this.capacity / 4) this.resize(Math.max(this.count * 2, 64));
	}

	/**
	 * Storage from the scorer. If WebAssembly cannot provide that much memory, the matrix moves
	 * to the plain-JS scorer for good rather than failing the index.
	 */
	private allocate(capacity: number): Float32Array {
		try {
			return this.scorer.allocate(capacity);
		} catch (error) {
			if (this.scorer.kind === 'js') throw error;
			this.scorer = new JsScorer(this.dim);
			return this.scorer.allocate(capacity);
		}
	}

	private resize(capacity: number): void {
		const old = this.data;
		const data = this.allocate(capacity);
		data.set(old.subarray(0, this.count * this.dim));
		const rowNote = new Int32Array(capacity);
		rowNote.set(this.rowNote.subarray(0, this.count));
		const rowPassage = new Int32Array(capacity);
		rowPassage.set(this.rowPassage.subarray(0, this.count));
		this.data = data;
		this.rowNote = rowNote;
		this.rowPassage = rowPassage;
	}
}
