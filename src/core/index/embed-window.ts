import { planBatchesByLength } from '../embedding/batching';
import type { Embedder } from '../embedding/types';
import type { Passage } from '../text/passage';
import { EmbedderUnavailableError, errorMessage, isEmbedderUnavailable } from './errors';
import { toStoredPassage } from './snippet';
import type { NoteRecord } from '../store/types';

/** A note read, hashed and chunked, waiting for its vectors. */
export interface PreparedNote {
	path: string;
	mtime: number;
	size: number;
	hash: string;
	title: string;
	passages: Passage[];
	/** Set when reading or chunking failed: the note is stored with this reason and no vectors. */
	failure?: string;
}

export interface WindowOptions {
	embedder: Embedder;
	maxBatch: number;
	/** Awaited before every embedding call: waits while paused, resolves false once cancelled. */
	gate: () => Promise<boolean>;
}

/** Carries the count of notes whose embedding failed in a row across windows. */
export interface FailureStreak {
	count: number;
}

/** Notes failing to embed in a row before the embedder, not the notes, is considered broken. */
export const SYSTEMIC_FAILURES = 3;

export interface WindowResult {
	records: NoteRecord[];
	embedded: number;
	cancelled: boolean;
	/** Set when the embedder looks broken: the run stops and the failing notes are NOT recorded. */
	unavailable?: Error;
}

function checkVectors(vectors: readonly Float32Array[], count: number, dim: number): void {
	if (vectors.length !== count) throw new Error(`embedder returned ${vectors.length} vectors for ${count} passages`);
	for (const v of vectors) {
		if (v.length !== dim) throw new Error(`embedder returned a vector of ${v.length} values, expected ${dim}`);
		for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) throw new Error('embedder returned a non-finite value');
	}
}

/**
 * Embeds the passages of a window of notes. Passages of all notes are sorted by length and sent
 * in batches of at most `maxBatch` that also end where the next passage would make the batch pad
 * too much (the engine's own `planBatchesByLength`, so the engine keeps each call as one batch).
 * When a batch fails, its notes are retried one by one so that a single bad note cannot fail its
 * neighbours.
 */
export async function embedWindow(notes: readonly PreparedNote[], opts: WindowOptions, streak: FailureStreak): Promise<WindowResult> {
	const { embedder, maxBatch } = opts;
	const dim = embedder.dim;
	const vectors = notes.map((n) => new Array<Float32Array | undefined>(n.passages.length));
	const suspect = new Set<number>();
	const items: [note: number, passage: number][] = [];
	notes.forEach((n, i) => {
		if (!n.failure) n.passages.forEach((_, j) => items.push([i, j]));
	});
	// Model input length: the passage's word pieces plus [CLS] and [SEP].
	const plan = planBatchesByLength(
		items.map(([i, j]) => notes[i].passages[j].wordPieces + 2),
		{ maxRows: maxBatch },
	);

	let embedded = 0;
	for (const positions of plan) {
		if (!(await opts.gate())) return { records: [], embedded, cancelled: true };
		const batch = positions.map((k) => items[k]);
		try {
			const out = await embedder.embed(batch.map(([i, j]) => notes[i].passages[j].text));
			checkVectors(out, batch.length, dim);
			batch.forEach(([i, j], k) => (vectors[i][j] = out[k]));
			embedded += batch.length;
		} catch {
			for (const [i] of batch) suspect.add(i);
		}
	}

	const failures = new Map<number, string>();
	const streakNotes: number[] = [];
	for (const i of [...suspect].sort((a, b) => a - b)) {
		const note = notes[i];
		try {
			for (let b = 0; b < note.passages.length; b += maxBatch) {
				if (!(await opts.gate())) return { records: [], embedded, cancelled: true };
				const slice = note.passages.slice(b, b + maxBatch);
				const out = await embedder.embed(slice.map((p) => p.text));
				checkVectors(out, slice.length, dim);
				out.forEach((v, k) => (vectors[i][b + k] = v));
				embedded += slice.length;
			}
			streak.count = 0;
			streakNotes.length = 0;
		} catch (err) {
			failures.set(i, `embedding failed: ${errorMessage(err)}`);
			streak.count++;
			streakNotes.push(i);
			if (streak.count >= SYSTEMIC_FAILURES || isEmbedderUnavailable(err)) {
				// Keep what succeeded; the notes of the failing streak are left for the next run.
				const skip = new Set(streakNotes);
				const records = notes
					.map((n, k) => (skip.has(k) || (suspect.has(k) && !failures.has(k) && !isComplete(vectors[k])) ? undefined : toRecord(n, vectors[k], failures.get(k), dim)))
					.filter((r): r is NoteRecord => r !== undefined);
				return { records, embedded, cancelled: false, unavailable: isEmbedderUnavailable(err) ? err : new EmbedderUnavailableError(errorMessage(err)) };
			}
		}
	}
	// Cancelled while the last notes were retried: their failures may be the cancellation's doing.
	if (suspect.size > 0 && !(await opts.gate())) return { records: [], embedded, cancelled: true };
	// A window without a failing note proves the embedder works.
	if (suspect.size === 0 && items.length > 0) streak.count = 0;
	return { records: notes.map((n, i) => toRecord(n, vectors[i], failures.get(i), dim)), embedded, cancelled: false };
}

function isComplete(v: readonly (Float32Array | undefined)[]): boolean {
	return v.every((x) => x !== undefined);
}

function toRecord(note: PreparedNote, vectors: readonly (Float32Array | undefined)[], embedFailure: string | undefined, dim: number): NoteRecord {
	const failure = note.failure ?? embedFailure;
	const base = { path: note.path, mtime: note.mtime, size: note.size, hash: note.hash };
	if (failure) return { ...base, passages: [], vectors: new Float32Array(0), failure };
	const flat = new Float32Array(note.passages.length * dim);
	vectors.forEach((v, j) => {
		if (v) flat.set(v, j * dim);
	});
	return { ...base, passages: note.passages.map((p, j) => toStoredPassage(p, note.title, j === 0)), vectors: flat };
}
