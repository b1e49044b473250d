/** The embedding worker, bundled separately by esbuild (inline-worker plugin) and inlined as source text. */
declare module 'virtual:embedding-worker' {
	const source: string;
	export default source;
}
