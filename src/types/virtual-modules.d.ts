/**
 * The embedding worker, bundled separately by esbuild (inline-worker plugin): a function whose
 * source text carries the worker script in a comment (read by worker-carrier.ts).
 */
declare module 'virtual:embedding-worker' {
	const carrier: () => void;
	export default carrier;
}
