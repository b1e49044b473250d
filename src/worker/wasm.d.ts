/**
 * `?gzip-base64` imports (scripts/worker-build.mjs): the file's bytes, gzipped and base64-encoded;
 * src/worker/inflate-wasm.ts restores them.
 */
declare module '*.wasm?gzip-base64' {
	const gzipBase64: string;
	export default gzipBase64;
}
