import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { HUB_REVISION } from '../../../src/core/embedding/model-manifest';
import { noticedModelFiles } from '../../../src/obsidian/runtime/model-source';
import { asApp } from '../../helpers/obsidian-harness';
import { App, Notice } from '../../shims/obsidian';

const realFile = (name: string) => new Uint8Array(readFileSync(path.join(inject('sharedDir'), 'models', 'all-MiniLM-L6-v2', name)));
const DIR = '.obsidian/plugins/semantic-note-search';
const SETTINGS = { modelFolder: '', allowDownload: true };

interface FakeServer {
	requests: string[];
	/** The signal of each request, to see that it was aborted. */
	signals: AbortSignal[];
}

/**
 * A fake `fetch` as the renderer has it: a Response whose body is read chunk by chunk. Each chunk
 * of `chunks` is served in turn; 'stall' never answers (until the request is aborted, which
 * rejects the pending read like a real fetch does).
 */
function fakeFetch(chunks: (Uint8Array | 'stall')[], contentLength?: number): FakeServer {
	const server: FakeServer = { requests: [], signals: [] };
	vi.stubGlobal('fetch', (url: string, init?: { signal?: AbortSignal }) => {
		const signal = init?.signal;
		if (!signal) throw new Error('the download must be abortable');
		server.requests.push(url);
		server.signals.push(signal);
		const aborted = () => Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
		let i = 0;
		const reader = {
			read: () =>
				new Promise((resolve, reject) => {
					if (signal.aborted) return reject(aborted());
					const chunk = chunks[i++];
					if (chunk === undefined) return resolve({ done: true, value: undefined });
					if (chunk === 'stall') return signal.addEventListener('abort', () => reject(aborted()));
					resolve({ done: false, value: chunk });
				}),
			cancel: () => Promise.resolve(),
		};
		return Promise.resolve({
			ok: true,
			status: 200,
			headers: { get: (h: string) => (h.toLowerCase() === 'content-length' && contentLength !== undefined ? String(contentLength) : null) },
			body: { getReader: () => reader, cancel: () => Promise.resolve() },
		});
	});
	return server;
}

const stored = (app: App) => [...app.vault.adapter.files.keys()];

describe('model download', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		Notice.shown = [];
	});

	it('streams into one buffer that goes to disk as it is, with the size and progress in the notice', async () => {
		const app = new App();
		const config = realFile('config.json');
		const half = Math.floor(config.length / 2);
		const server = fakeFetch([config.slice(0, half), config.slice(half)], config.length);
		const files = noticedModelFiles(asApp(app), DIR, SETTINGS, new AbortController().signal);
		const bytes = await files.read('config.json');
		expect(server.requests).toEqual([`https://huggingface.co/Xenova/all-MiniLM-L6-v2/resolve/${HUB_REVISION}/config.json`]);
		expect(Buffer.from(bytes ?? []).equals(Buffer.from(config))).toBe(true);
		const path = stored(app).find((p) => p.endsWith('/config.json'));
		expect(path).toMatch(/^\.obsidian\/plugins\/semantic-note-search\/models\//);
		// No second copy: the buffer the network filled is the one written to disk.
		expect(app.vault.adapter.files.get(path ?? '')).toBe(bytes?.buffer);
		expect(Notice.shown.map((n) => n.message)).toEqual(['Downloading the embedding model from Hugging Face: config.json…']);
		expect(Notice.shown.every((n) => n.hidden)).toBe(true);
	});

	it('gives up on a download that stops sending data, keeps nothing of it, and says so', async () => {
		const app = new App();
		const config = realFile('config.json');
		const server = fakeFetch([config.slice(0, 100), 'stall'], config.length);
		const files = noticedModelFiles(asApp(app), DIR, SETTINGS, new AbortController().signal, { stallMs: 30 });
		await expect(files.read('config.json')).rejects.toThrow('The model download stalled (no data for 30 ms); it is retried on the next search or sync.');
		expect(server.signals[0].aborted).toBe(true);
		expect(stored(app)).toEqual([]);
		expect(Notice.shown.length).toBeGreaterThan(0);
		expect(Notice.shown.every((n) => n.hidden)).toBe(true);
	});

	it('a model folder read when the plugin is disabled hands nothing on, so no worker starts for it', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sns-model-'));
		writeFileSync(path.join(dir, 'config.json'), '{}');
		const unload = new AbortController();
		const files = noticedModelFiles(asApp(new App()), DIR, { modelFolder: dir, allowDownload: false }, unload.signal);
		expect(await files.read('config.json')).toBeDefined();
		const reading = files.read('config.json');
		unload.abort();
		await expect(reading).rejects.toThrow('The model was not loaded: the plugin was disabled.');
		await expect(files.read('config.json')).rejects.toThrow('The model was not loaded: the plugin was disabled.');
	});

	it('stops a download when the plugin is disabled', async () => {
		const app = new App();
		const server = fakeFetch([new Uint8Array(2_000_000), 'stall'], 9_000_000);
		const unload = new AbortController();
		const files = noticedModelFiles(asApp(app), DIR, SETTINGS, unload.signal);
		const reading = files.read('config.json');
		// A large file shows how far it got.
		await vi.waitFor(() => expect(Notice.shown.at(-1)?.message).toBe('Downloading the embedding model from Hugging Face: config.json, 2.0 of 9.0 MB'));
		expect(Notice.shown).toHaveLength(1);
		unload.abort();
		await expect(reading).rejects.toThrow('The model download was stopped: the plugin was disabled.');
		expect(server.signals[0].aborted).toBe(true);
		expect(stored(app)).toEqual([]);
		expect(Notice.shown.every((n) => n.hidden)).toBe(true);
	});
});

