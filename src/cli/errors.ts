/**
 * Exit codes: 0 success, 1 a check ran and failed (verify), 2 the command could not do its job —
 * bad usage, bad input, missing model, unreadable files. Code 2 always comes with one line on
 * stderr, never a stack trace.
 */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;

/** A problem with how the command was called or with its input; shown as one line, exit 2. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
	/** When true, the command's usage is printed after the message. */
	constructor(
		message: string,
		readonly showUsage = false,
	) {
		super(message);
	}
}

/**
 * The first line of any thrown value, fit for stderr. A cause is appended, because Node's
 * "fetch failed" alone does not say that the host was unreachable.
 */
export function oneLine(error: unknown): string {
	if (!(error instanceof Error)) return firstLine(String(error));
	const text = firstLine(('userMessage' in error && typeof error.userMessage === 'string' ? error.userMessage : error.message) || error.name);
	return error.cause instanceof Error && error.cause.message ? `${text} (${firstLine(error.cause.message)})` : text;
}

function firstLine(text: string): string {
	return text.split('\n')[0].trim();
}
