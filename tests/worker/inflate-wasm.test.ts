import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateGzipBase64 } from '../../src/worker/inflate-wasm';
import { gzipBase64 } from '../../scripts/worker-build.mjs';

describe('inflateGzipBase64 (the worker side of `?gzip-base64` imports)', () => {
	it("restores ORT's WASM binary exactly as the build encodes it", async () => {
		const wasm = new Uint8Array(await readFile(createRequire(import.meta.url).resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')));
		const encoded = gzipBase64(wasm);
		expect(encoded.length).toBeLessThan(wasm.length / 2);
		const restored = await inflateGzipBase64(encoded);
		expect(restored.length).toBe(wasm.length);
		expect(Buffer.compare(restored, wasm)).toBe(0);
		expect(WebAssembly.validate(restored)).toBe(true);
	});

	it('round-trips empty and odd-length inputs', async () => {
		for (const bytes of [new Uint8Array(0), new Uint8Array([0]), Uint8Array.from({ length: 70_001 }, (_, i) => (i * 7919) % 251)]) {
			expect(Array.from(await inflateGzipBase64(gzipSync(bytes).toString('base64')))).toEqual(Array.from(bytes));
		}
	});

	it('rejects corrupt or truncated input instead of returning wrong bytes', async () => {
		const gz = gzipSync(Uint8Array.from({ length: 10_000 }, (_, i) => i % 256), { level: 9 });
		const flipped = Buffer.from(gz);
		flipped[flipped.length - 6] ^= 0xff; // inside the CRC-32
		await expect(inflateGzipBase64(flipped.toString('base64'))).rejects.toThrow();
		await expect(inflateGzipBase64(gz.subarray(0, gz.length - 10).toString('base64'))).rejects.toThrow();
		await expect(inflateGzipBase64('not base64!')).rejects.toThrow();
	});
});
