import type { FetchLike } from '../../core/embedding/hub-download';

/** A download that receives nothing for this long is given up (it is retried on the next use). */
export const DOWNLOAD_STALL_MS = 30_000;

export type DownloadProgress = (received: number, total: number | undefined) => void;

/**
 * The downloader's fetch in Obsidian's renderer: `fetch` with a body reader, because `requestUrl`
 * buffers the whole response with no progress, timeout or abort. Hugging Face serves CORS headers
 * on its resolve URLs and the CDN they redirect to (transformers.js relies on that in browsers),
 * so the renderer's fetch may read them. The bytes go into one buffer of the announced length,
 * handed on as they are: the 90 MB weights are never copied.
 * Aborts when `signal` does (plugin unloaded) or when no data arrived for `stallMs`.
 */
export function streamingFetch(signal: AbortSignal, onProgress?: DownloadProgress, stallMs = DOWNLOAD_STALL_MS): FetchLike {
	return async (url) => {
		const request = new AbortController();
		const stop = () => request.abort();
		signal.addEventListener('abort', stop);
		let stalled = false;
		let timer: number | undefined;
		const watch = () => {
			window.clearTimeout(timer);
			timer = window.setTimeout(() => {
				stalled = true;
				request.abort();
			}, stallMs);
		};
		try {
			if (signal.aborted) throw new Error('aborted');
			watch();
			const response = await window.fetch(url, { signal: request.signal });
			if (!response.ok || !response.body) {
				void response.body?.cancel();
				return { ok: false, status: response.status, arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) };
			}
			const total = Number(response.headers.get('content-length')) || undefined;
			const buffer = await readBody(response.body.getReader(), total, (received) => {
				watch();
				onProgress?.(received, total);
			});
			return { ok: true, status: response.status, arrayBuffer: () => Promise.resolve(buffer) };
		} catch (error) {
			if (stalled) throw new Error(`The model download stalled (no data for ${stallMs < 1000 ? `${stallMs} ms` : `${stallMs / 1000} s`}); it is retried on the next search or sync.`);
			if (signal.aborted) throw new Error('The model download was stopped: the plugin was disabled.');
			throw error;
		} finally {
			window.clearTimeout(timer);
			signal.removeEventListener('abort', stop);
		}
	};
}

/** Reads a body into one buffer, sized by Content-Length when given (grown only if it was wrong). */
async function readBody(reader: ReadableStreamDefaultReader<Uint8Array>, total: number | undefined, onChunk: (received: number) => void): Promise<ArrayBuffer> {
	let bytes = new Uint8Array(total ?? 1 << 20);
	let received = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (received + value.byteLength > bytes.byteLength) {
			const grown = new Uint8Array(Math.max(bytes.byteLength * 2, received + value.byteLength));
			grown.set(bytes.subarray(0, received));
			bytes = grown;
		}
		bytes.set(value, received);
		received += value.byteLength;
		onChunk(received);
	}
	return received === bytes.byteLength ? bytes.buffer : bytes.buffer.slice(0, received);
}
