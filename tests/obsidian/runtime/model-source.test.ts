import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Obsidian from 'obsidian';
import { adapterByteStore, modelCacheFolder, pluginModelFiles } from '../../../src/obsidian/runtime/model-source';
import type { FetchLike } from '../../../src/core/embedding/hub-download';
import { App, Platform } from '../../shims/obsidian';

const cacheOf = (app: App) => adapterByteStore(app.vault.adapter as unknown as Obsidian.DataAdapter, modelCacheFolder(`${app.vault.configDir}/plugins/semantic-note-search`));

/** No network in these tests: every request fails, and is counted. */
const offline = () => {
	const probe = { requests: 0, fetch: (() => {
		probe.requests++;
		return Promise.reject(new Error('offline'));
	}) as FetchLike };
	return probe;
};

describe('model source', () => {
	it('caches downloads in the plugin folder', () => {
		expect(modelCacheFolder('.config/plugins/sns-dev/')).toBe('.config/plugins/sns-dev/models');
	});

	it('stores bytes on the vault adapter with an atomic rename', async () => {
		const app = new App();
		const store = cacheOf(app);
		await store.write('a/b.bin.partial', new Uint8Array([1, 2, 3]));
		await store.rename('a/b.bin.partial', 'a/b.bin');
		expect(await store.read('a/b.bin.partial')).toBeUndefined();
		expect([...((await store.read('a/b.bin')) ?? [])]).toEqual([1, 2, 3]);
		await store.remove('a/b.bin');
		expect(await store.read('a/b.bin')).toBeUndefined();
	});

	it('reads the user folder first, from outside the vault', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sns-model-'));
		mkdirSync(path.join(dir, 'onnx'));
		writeFileSync(path.join(dir, 'config.json'), '{}');
		const files = pluginModelFiles({ modelFolder: dir, allowDownload: false }, cacheOf(new App()), offline().fetch);
		expect(new TextDecoder().decode(await files.read('config.json'))).toBe('{}');
		expect(await files.read('onnx/model.onnx')).toBeUndefined();
		expect(files.location).toContain(dir);
		rmSync(dir, { recursive: true, force: true });
	});

	it('reads the folder in the desktop app even in its mobile layout, and never on the mobile app', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sns-model-'));
		writeFileSync(path.join(dir, 'config.json'), '{}');
		const saved = { ...Platform };
		try {
			// Desktop app with the mobile layout (e.g. emulated): Node is there, isDesktop is not.
			Object.assign(Platform, { isDesktop: false, isMobile: true, isDesktopApp: true, isMobileApp: false });
			const files = pluginModelFiles({ modelFolder: dir, allowDownload: false }, cacheOf(new App()), offline().fetch);
			expect(await files.read('config.json')).toBeDefined();
			// Mobile app on a tablet, in the desktop layout: no Node modules to require.
			Object.assign(Platform, { isDesktop: true, isMobile: false, isDesktopApp: false, isMobileApp: true });
			expect(await pluginModelFiles({ modelFolder: dir, allowDownload: false }, cacheOf(new App()), offline().fetch).read('config.json')).toBeUndefined();
		} finally {
			Object.assign(Platform, saved);
		}
	});

	it('never touches the network unless downloading is allowed', async () => {
		const net = offline();
		const files = pluginModelFiles({ modelFolder: '', allowDownload: false }, cacheOf(new App()), net.fetch);
		expect(await files.read('config.json')).toBeUndefined();
		expect(net.requests).toBe(0);
		expect(files.location).toContain('downloads not allowed');
		const allowed = pluginModelFiles({ modelFolder: '', allowDownload: true }, cacheOf(new App()), net.fetch);
		await expect(allowed.read('config.json')).rejects.toThrow('offline');
		expect(net.requests).toBe(1);
	});
});
