import type { EmptyReason } from './query';

export interface ExplainContext {
	/** The query as typed, or the title of the note whose related notes were asked for. */
	subject?: string;
	/** The threshold in force, shown so the user knows what "similar enough" meant. */
	threshold?: number;
}

/** Long subjects are shortened so the message stays one readable line. */
const MAX_SUBJECT_CHARS = 60;

function quote(subject: string): string {
	const flat = subject.replace(/\s+/gu, ' ').trim();
	const short = flat.length > MAX_SUBJECT_CHARS ? `${flat.slice(0, MAX_SUBJECT_CHARS - 1).trimEnd()}…` : flat;
	return `“${short}”`;
}

/**
 * The sentence shown instead of an empty result list. An empty list is a valid answer; this
 * says why it is empty and what the user can do about it.
 */
export function explainEmpty(reason: EmptyReason, context: ExplainContext = {}): string {
	const subject = context.subject !== undefined && context.subject.trim() !== '' ? quote(context.subject) : undefined;
	switch (reason) {
		case 'empty-query':
			return 'Type a few words to search your notes by meaning.';
		case 'empty-index':
			return 'No notes are indexed yet. Results will appear once indexing has finished.';
		case 'not-indexed':
			return subject !== undefined
				? `${subject} is not indexed yet, or is excluded from the index.`
				: 'This note is not indexed yet, or is excluded from the index.';
		case 'no-vector':
			return subject !== undefined
				? `${subject} has no text that can be compared; try other words.`
				: 'There is no text that can be compared; try other words.';
		case 'below-threshold': {
			const target = subject !== undefined ? ` to ${subject}` : '';
			const minimum =
				context.threshold !== undefined && Number.isFinite(context.threshold)
					? ` (minimum similarity ${context.threshold.toFixed(2)})`
					: '';
			return `No notes are similar enough${target}${minimum}; you can lower the threshold in settings.`;
		}
	}
}
