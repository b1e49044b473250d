/** Bounds of the *Indexing threads* setting. */
export const MIN_POOL_SIZE = 1;
export const MAX_POOL_SIZE = 8;

/** The machine's logical cores as the page (or Node 21+) reports them; undefined where hidden. */
function machineCores(): number | undefined {
	return globalThis.navigator?.hardwareConcurrency;
}

/**
 * Workers while indexing when the user left the setting on automatic: half the cores, so the app
 * keeps a core for itself, and at most 3, because each worker holds its own model and WASM heap.
 */
export function defaultPoolSize(hardwareConcurrency = machineCores()): number {
	// Unknown counts as 2 cores: one worker.
	const cores = hardwareConcurrency !== undefined && Number.isFinite(hardwareConcurrency) ? hardwareConcurrency : 2;
	return Math.min(3, Math.max(1, Math.floor(cores / 2)));
}

/** The pool size for a setting: 0 is automatic, anything else is clamped to 1–8. */
export function poolSizeFor(setting: number, hardwareConcurrency = machineCores()): number {
	if (!Number.isFinite(setting) || setting <= 0) return defaultPoolSize(hardwareConcurrency);
	return Math.min(MAX_POOL_SIZE, Math.max(MIN_POOL_SIZE, Math.round(setting)));
}
