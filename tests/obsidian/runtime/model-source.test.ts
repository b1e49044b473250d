import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Obsidian from 'obsidian';
import { adapterByteStore, modelCacheFolder, pluginModelFiles } from '../../../src/obsidian/runtime/model-source';
import { App, requestUrlShim } from '../../shims/obsidian';

const cacheOf = (app: App) => adapterByteStore(app.vault.adapter as unknown as Obsidian.DataAdapter, modelCacheFolder(app.vault.configDir, 'semantic-note-search'));

describe('model source', () => {
	afterEach(() => {
		requestUrlShim.handler = null;
	});

	it('caches downloads in the plugin folder under the config folder', () => {
		expect(modelCacheFolder('.config', 'semantic-note-search')).toBe('.config/plugins/semantic-note-search/models');
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
		const files = pluginModelFiles({ modelFolder: dir, allowDownload: false }, cacheOf(new App()));
		expect(new TextDecoder().decode(await files.read('config.json'))).toBe('{}');
		expect(await files.read('onnx/model.onnx')).toBeUndefined();
		expect(files.location).toContain(dir);
		rmSync(dir, { recursive: true, force: true });
	});

	it('never touches the network unless downloading is allowed', async () => {
		let requests = 0;
		requestUrlShim.handler = () => {
			requests++;
			return Promise.reject(new Error('offline'));
		};
		const files = pluginModelFiles({ modelFolder: '', allowDownload: false }, cacheOf(new App()));
		expect(await files.read('config.json')).toBeUndefined();
		expect(requests).toBe(0);
		expect(files.location).toContain('downloads not allowed');
		const allowed = pluginModelFiles({ modelFolder: '', allowDownload: true }, cacheOf(new App()));
		await expect(allowed.read('config.json')).rejects.toThrow('offline');
		expect(requests).toBe(1);
	});
});
