import { INDEX_CALL_TOKENS, planBatchesByLength } from '../embedding/batching';
import type { EmbeddingEngine } from '../embedding/types';
import { chunkNoteTokenized } from '../text/chunker';
import type { NoteInput, Passage } from '../text/passage';
import { errorMessage, isEmbedderUnavailable } from './errors';
import { capPassages } from './passage-cap';

/** What a window needs of the engine: its tokenizer, its width, and embedding of ready ids. */
export type WindowEngine = Pick<EmbeddingEngine, 'tokenizer' | 'dim' | 'embedWordPieces'>;

export interface WindowHooks {
	/** Passages per model call. */
	maxBatch: number;
	/** Awaited before every model call: may wait (paused, a query first); false stops the window. */
	between: () => Promise<boolean>;
	/** After every model call that succeeded: passages embedded so far of `total`. */
	progress?: (embedded: number, total: number) => void;
}

/** One note's outcome: its passages, whose vectors are rows `offset…` of the window's vectors, or why it failed. */
export type NoteOutcome =
	| { ok: true; passages: Passage[]; offset: number; notice?: string; retried: boolean }
	| { ok: false; stage: 'chunk' | 'embed'; failure: string };

export interface WindowOutcome {
	notes: NoteOutcome[];
	/** Rows of `dim` floats, one per passage of the window (rows of failed notes stay zero). */
	vectors: Float32Array;
	dim: number;
	embedded: number;
	cancelled: boolean;
}

function checkVectors(vectors: readonly Float32Array[], count: number, dim: number): void {
	if (vectors.length !== count) throw new Error(`embedder returned ${vectors.length} vectors for ${count} passages`);
	for (const v of vectors) {
		if (v.length !== dim) throw new Error(`embedder returned a vector of ${v.length} values, expected ${dim}`);
		for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) throw new Error('embedder returned a non-finite value');
	}
}

/**
 * Chunks and embeds a window of notes: each passage is tokenized once (by the chunker, whose ids
 * go to the model), the window's batches are planned once, shortest passages first (the engine's
 * `planBatchesByLength`, at most INDEX_CALL_TOKENS padded tokens per call), and `between` runs before every model call so pause, cancel and queries
 * get their turn. A note that fails chunking, or whose batch fails and then fails again on its own,
 * is reported failed; the others succeed. The plugin's worker and the in-process engine both run this.
 */
export async function indexWindow(notes: readonly NoteInput[], engine: WindowEngine, hooks: WindowHooks): Promise<WindowOutcome> {
	const { dim } = engine;
	const chunked = notes.map((note) => {
		try {
			return capPassages(chunkNoteTokenized(note, engine.tokenizer));
		} catch (err) {
			return { failure: `chunking failed: ${errorMessage(err)}` };
		}
	});
	// Every passage of the window as a row: its ids, and the note it belongs to.
	const rowIds: number[][] = [];
	const noteOf: number[] = [];
	const offsets: number[] = [];
	chunked.forEach((c, i) => {
		offsets.push(rowIds.length);
		if (!('note' in c)) return;
		for (const ids of c.note.ids) {
			rowIds.push(ids);
			noteOf.push(i);
		}
	});
	const total = rowIds.length;
	const vectors = new Float32Array(total * dim);
	// Model input length: the passage's word pieces (at most maxTokens - 2) plus [CLS] and [SEP].
	const cap = engine.tokenizer.maxTokens - 2;
	const plan = planBatchesByLength(
		rowIds.map((ids) => Math.min(ids.length, cap) + 2),
		{ maxRows: hooks.maxBatch, maxPaddedTokens: INDEX_CALL_TOKENS },
	);

	let embedded = 0;
	const cancelled = (): WindowOutcome => ({ notes: [], vectors: new Float32Array(0), dim, embedded, cancelled: true });
	/** Embeds rows into `vectors`; the reason when the call failed for its rows (a gone engine throws). */
	const embedRows = async (rows: number[]): Promise<string | undefined> => {
		try {
			const out = await engine.embedWordPieces(rows.map((row) => rowIds[row]));
			checkVectors(out, rows.length, dim);
			rows.forEach((row, k) => vectors.set(out[k], row * dim));
			embedded += rows.length;
			hooks.progress?.(embedded, total);
			return undefined;
		} catch (err) {
			if (isEmbedderUnavailable(err)) throw err;
			return errorMessage(err);
		}
	};

	const suspect = new Set<number>();
	for (const rows of plan) {
		if (!(await hooks.between())) return cancelled();
		if ((await embedRows(rows)) !== undefined) for (const row of rows) suspect.add(noteOf[row]);
	}
	// A failed batch is retried note by note, so a single bad note cannot fail its neighbours.
	const failures = new Map<number, string>();
	for (const i of [...suspect].sort((a, b) => a - b)) {
		const count = (chunked[i] as { note: { ids: number[][] } }).note.ids.length;
		for (let b = 0; b < count && !failures.has(i); b += hooks.maxBatch) {
			if (!(await hooks.between())) return cancelled();
			const rows = Array.from({ length: Math.min(hooks.maxBatch, count - b) }, (_, k) => offsets[i] + b + k);
			const reason = await embedRows(rows);
			if (reason !== undefined) failures.set(i, `embedding failed: ${reason}`);
		}
	}
	const outcomes = chunked.map((c, i): NoteOutcome => {
		if (!('note' in c)) return { ok: false, stage: 'chunk', failure: c.failure };
		const failure = failures.get(i);
		if (failure !== undefined) return { ok: false, stage: 'embed', failure };
		return { ok: true, passages: c.note.passages, offset: offsets[i], retried: suspect.has(i), ...(c.notice !== undefined ? { notice: c.notice } : {}) };
	});
	return { notes: outcomes, vectors, dim, embedded, cancelled: false };
}
