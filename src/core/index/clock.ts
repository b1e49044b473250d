/** Time source and timers, injected so tests can drive debouncing without waiting. */
export interface Clock {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

/**
 * The default clock, for hosts without a `window` (the CLI, tests); the plugin passes one on
 * Obsidian's window (src/obsidian/runtime/vault-session.ts).
 */
export const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
	clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
