/**
 * The embedder itself is gone (worker stopped or crashed, model disposed), as opposed to one note
 * failing. The indexer stops the run and records no failures, so the notes are retried later.
 */
export class EmbedderUnavailableError extends Error {
	override readonly name = 'EmbedderUnavailableError';
}

/** By name, so errors that crossed a worker boundary or another bundle still count. */
export function isEmbedderUnavailable(err: unknown): err is Error {
	return err instanceof Error && err.name === 'EmbedderUnavailableError';
}

/** The text of anything thrown, for the `failure` reasons stored on a note. */
export function errorMessage(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
