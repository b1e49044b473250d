/**
 * One line a user can act on, never a stack trace: core errors meant for users carry
 * `userMessage`; anything else is reported by its message (details go to the console).
 */
export function userMessage(error: unknown): string {
	if (typeof error === 'object' && error !== null && 'userMessage' in error && typeof error.userMessage === 'string') {
		return error.userMessage;
	}
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0] || 'Unknown error';
}

/**
 * True when the model cannot be used until the user acts: the core's "model is not available", or a
 * model that failed its check against Python, whatever module the error came from.
 */
export function isModelUnavailable(error: unknown): boolean {
	return error instanceof Error && (error.name === 'ModelNotAvailableError' || error.name === 'ModelCheckFailedError');
}
