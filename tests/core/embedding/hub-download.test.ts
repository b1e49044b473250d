/**
 * Hub downloads are pinned, verified and atomic — proven offline with a fake fetch and an
 * in-memory store. The real tokenizer/config from ../shared have the pinned sha256, so they
 * stand in for genuine Hub responses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { ModelIntegrityError } from '../../../src/core/embedding/errors';
import { hubModelFiles, memoryByteStore, type FetchLike } from '../../../src/core/embedding/hub-download';
import { HUB_REVISION } from '../../../src/core/embedding/model-manifest';

/** Byte equality without vitest's element-wise deep diff (slow on 700 kB). */
const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));
const realFile = (name: string) => new Uint8Array(readFileSync(path.join(inject('sharedDir'), 'models', 'all-MiniLM-L6-v2', name)));

/** Fake Hub: serves `body(path)` for pinned URLs and records every request. */
function fakeHub(body: (file: string) => Uint8Array | Error | undefined) {
	const requests: string[] = [];
	const fetch: FetchLike = (url) => {
		requests.push(url);
		const file = url.split(`/resolve/${HUB_REVISION}/`)[1];
		const content = body(file);
		if (content === undefined) return Promise.resolve({ ok: false, status: 404, arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) });
		return Promise.resolve({
			ok: true,
			status: 200,
			arrayBuffer: () => (content instanceof Error ? Promise.reject(content) : Promise.resolve(content.slice().buffer)),
		});
	};
	return { fetch, requests };
}

describe('pinned Hub downloads', () => {
	test('a verified download is stored under its final name and reused without any request', async () => {
		const store = memoryByteStore();
		const hub = fakeHub((file) => realFile(file));
		const files = hubModelFiles({ fetch: hub.fetch, store, allowDownload: true });
		const first = await files.read('tokenizer.json');
		expect(same(first, realFile('tokenizer.json'))).toBe(true);
		expect(hub.requests).toEqual([`https://huggingface.co/Xenova/all-MiniLM-L6-v2/resolve/${HUB_REVISION}/tokenizer.json`]);
		expect([...store.entries.keys()].some((k) => k.includes('partial'))).toBe(false);

		const offline = fakeHub(() => new Error('network must not be used'));
		const again = hubModelFiles({ fetch: offline.fetch, store, allowDownload: false });
		expect(same(await again.read('tokenizer.json'), realFile('tokenizer.json'))).toBe(true);
		expect(offline.requests).toEqual([]);
	});

	test('a file with the wrong sha256 is rejected and not kept', async () => {
		const store = memoryByteStore();
		const tampered = realFile('config.json');
		tampered[10] ^= 1;
		const files = hubModelFiles({ fetch: fakeHub(() => tampered).fetch, store, allowDownload: true });
		const error = await files.read('config.json').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ModelIntegrityError);
		expect((error as ModelIntegrityError).userMessage).toMatch(/config\.json.*sha256/);
		expect(store.entries.size).toBe(0);
	});

	test('weights of the wrong size are rejected before hashing and not kept', async () => {
		const store = memoryByteStore();
		const files = hubModelFiles({ fetch: fakeHub(() => new Uint8Array(1000)).fetch, store, allowDownload: true });
		await expect(files.read('onnx/model.onnx')).rejects.toThrow(/size 1000, expected 90387606/);
		expect(store.entries.size).toBe(0);
	});

	test('a truncated or interrupted transfer is never used nor kept', async () => {
		const store = memoryByteStore();
		const whole = realFile('tokenizer.json');
		const truncated = hubModelFiles({ fetch: fakeHub(() => whole.slice(0, whole.length / 2)).fetch, store, allowDownload: true });
		await expect(truncated.read('tokenizer.json')).rejects.toBeInstanceOf(ModelIntegrityError);
		const interrupted = hubModelFiles({ fetch: fakeHub(() => new Error('connection reset')).fetch, store, allowDownload: true });
		await expect(interrupted.read('tokenizer.json')).rejects.toThrow('connection reset');
		expect(store.entries.size).toBe(0);
	});

	test('a crash between writing and renaming leaves only a temp file, which is never read', async () => {
		const store = memoryByteStore();
		const crashing = { ...store, rename: () => Promise.reject(new Error('disk full')) };
		const files = hubModelFiles({ fetch: fakeHub((f) => realFile(f)).fetch, store: crashing, allowDownload: true });
		await expect(files.read('tokenizer.json')).rejects.toThrow('disk full');
		// The temp file is cleaned up; and even a leftover one would not be found under the final key.
		expect(store.entries.size).toBe(0);
		store.entries.set('Xenova--all-MiniLM-L6-v2--' + HUB_REVISION + '/tokenizer.json.partial-1', realFile('tokenizer.json').slice(0, 10));
		const offline = hubModelFiles({ fetch: fakeHub(() => new Error('offline')).fetch, store, allowDownload: false });
		expect(await offline.read('tokenizer.json')).toBeUndefined();
	});

	test('a cached file that no longer verifies is dropped and downloaded again', async () => {
		const store = memoryByteStore();
		store.entries.set(`Xenova--all-MiniLM-L6-v2--${HUB_REVISION}/config.json`, new Uint8Array([1, 2, 3]));
		const hub = fakeHub((f) => realFile(f));
		const files = hubModelFiles({ fetch: hub.fetch, store, allowDownload: true });
		expect(same(await files.read('config.json'), realFile('config.json'))).toBe(true);
		expect(hub.requests).toHaveLength(1);
	});

	test('without permission to download, missing files are absent and nothing is fetched', async () => {
		const hub = fakeHub((f) => realFile(f));
		const files = hubModelFiles({ fetch: hub.fetch, store: memoryByteStore(), allowDownload: false });
		expect(await files.read('tokenizer.json')).toBeUndefined();
		expect(hub.requests).toEqual([]);
		expect(files.location).toMatch(/downloads not allowed/);
	});

	test('files outside the pinned set are never requested', async () => {
		const hub = fakeHub((f) => realFile(f));
		const files = hubModelFiles({ fetch: hub.fetch, store: memoryByteStore(), allowDownload: true });
		expect(await files.read('generation_config.json')).toBeUndefined();
		expect(await files.read('../../etc/passwd')).toBeUndefined();
		expect(hub.requests).toEqual([]);
	});
});
