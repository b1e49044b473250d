import { EmbedderUnavailableError, errorMessage, isEmbedderUnavailable } from './errors';
import type { NoteOutcome, WindowOutcome } from './index-window';
import { toStoredPassage } from './snippet';
import type { NoteRecord } from '../store/types';
import type { WindowControl, WindowIndexer } from './window-port';

/** A note read and hashed, waiting to be chunked and embedded. */
export interface PreparedNote {
	path: string;
	mtime: number;
	size: number;
	hash: string;
	title: string;
	markdown: string;
	/** Set when reading failed: the note is stored with this reason and no vectors. */
	failure?: string;
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

/**
 * Has a window of notes chunked and embedded in one call of `run` (one worker request in the
 * plugin) and turns the outcome into records. Notes failing to embed in a row across windows
 * (`streak`) mean the embedder is broken: the run stops and those notes are left for the next run.
 */
export async function embedWindow(notes: readonly PreparedNote[], run: WindowIndexer, control: WindowControl, streak: FailureStreak): Promise<WindowResult> {
	const todo = notes.filter((n) => !n.failure);
	let outcome: WindowOutcome;
	try {
		outcome = await run(
			todo.map((n) => ({ path: n.path, title: n.title, markdown: n.markdown })),
			control,
		);
	} catch (err) {
		return { records: [], embedded: 0, cancelled: false, unavailable: isEmbedderUnavailable(err) ? err : new EmbedderUnavailableError(errorMessage(err)) };
	}
	if (outcome.cancelled) return { records: [], embedded: outcome.embedded, cancelled: true };

	const outcomes = new Map<PreparedNote, NoteOutcome>(todo.map((n, i) => [n, outcome.notes[i]]));
	const isSuspect = (o: NoteOutcome | undefined): boolean => o !== undefined && (o.ok ? o.retried : o.stage === 'embed');
	const skip = new Set<PreparedNote>();
	let streakNotes: PreparedNote[] = [];
	let unavailable: Error | undefined;
	for (const note of todo) {
		const o = outcomes.get(note) as NoteOutcome;
		// Once the embedder is deemed broken, the notes it failed on after that are not blamed.
		if (unavailable) {
			if (isSuspect(o)) skip.add(note);
			continue;
		}
		if (o.ok && o.retried) {
			streak.count = 0;
			streakNotes = [];
		} else if (!o.ok && o.stage === 'embed') {
			streak.count++;
			streakNotes.push(note);
			if (streak.count >= SYSTEMIC_FAILURES) {
				unavailable = new EmbedderUnavailableError(o.failure);
				for (const n of streakNotes) skip.add(n);
			}
		}
	}
	// A window without a failing note proves the embedder works.
	if (!todo.some((n) => isSuspect(outcomes.get(n))) && outcome.embedded > 0) streak.count = 0;
	const records = notes.filter((n) => !skip.has(n)).map((n) => toRecord(n, outcomes.get(n), outcome));
	return { records, embedded: outcome.embedded, cancelled: false, ...(unavailable ? { unavailable } : {}) };
}

function toRecord(note: PreparedNote, o: NoteOutcome | undefined, window: WindowOutcome): NoteRecord {
	const base = { path: note.path, mtime: note.mtime, size: note.size, hash: note.hash };
	const failure = note.failure ?? (o && !o.ok ? o.failure : undefined);
	if (failure !== undefined || !o?.ok) return { ...base, passages: [], vectors: new Float32Array(0), failure: failure ?? 'not embedded' };
	const { dim } = window;
	// A copy, so the record does not keep the whole window's buffer alive.
	const vectors = window.vectors.slice(o.offset * dim, (o.offset + o.passages.length) * dim);
	const passages = o.passages.map((p, j) => toStoredPassage(p, note.title, j === 0));
	return { ...base, passages, vectors, texts: o.passages.map((p) => p.text), ...(o.notice !== undefined ? { notice: o.notice } : {}) };
}
