/**
 * Restores a binary that the build stored gzipped and base64-encoded (scripts/worker-build.mjs,
 * `?gzip-base64` imports): ORT's WASM, inflated inside the worker so the main thread never holds
 * or copies the 14 MB binary. Uses the platform's DecompressionStream (Chromium and Electron
 * workers, Node ≥ 18). A corrupt or truncated input rejects (gzip carries a CRC-32 and the length).
 */
export async function inflateGzipBase64(gzipBase64: string): Promise<Uint8Array<ArrayBuffer>> {
	const gzipped = base64Bytes(gzipBase64);
	const inflated = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(inflated).arrayBuffer());
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
