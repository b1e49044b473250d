import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SemanticNoteSearchPlugin from '../src/main';
import { RELATED_REFRESH_MS, RELATED_VIEW_TYPE, RelatedNotesView } from '../src/obsidian/ui/related-view';
import { FakeRuntime, report, result } from './helpers/obsidian-fakes';
import { asObsidianManifest, manifest, openNote, shimSuggest } from './helpers/obsidian-harness';
import { fakeEngineRuntime } from './helpers/obsidian-runtime';
import { vaultRuntimeFactory } from '../src/obsidian/runtime/runtime';
import { App, Modal, Notice, Plugin, SliderComponent, SuggestModal, TextComponent, ToggleComponent, startApp } from './shims/obsidian';
import type * as Obsidian from 'obsidian';

const NOTES: Record<string, string> = {
	'Garden/Tomatoes.md': '# Tomatoes\nWater the tomato plants every morning.',
	'Garden/Basil.md': '# Basil\nPinch basil flowers so basil keeps growing.',
	'Work/Standup.md': 'The team meeting covers blockers.',
};

function newPlugin(app: App): { plugin: SemanticNoteSearchPlugin; shim: Plugin } {
	const plugin = new SemanticNoteSearchPlugin(app as unknown as Obsidian.App, asObsidianManifest(manifest));
	return { plugin, shim: plugin as unknown as Plugin };
}

const handlerCount = (app: App) => app.vault.listenerCount() + app.workspace.listenerCount() + app.metadataCache.listenerCount();

describe('plugin lifecycle with a fake runtime', () => {
	beforeEach(() => {
		Notice.shown = [];
	});

	async function start(data?: unknown) {
		const app = new App();
		if (data !== undefined) app.pluginData.set(manifest.id, data);
		const { plugin, shim } = newPlugin(app);
		const runtime = new FakeRuntime();
		plugin.createRuntime = () => runtime;
		const notes: Record<string, string> = {};
		for (let i = 0; i < 50; i++) notes[`Notes/${i}.md`] = `note ${i}`;
		await startApp(app, shim, notes);
		return { app, plugin, shim, runtime };
	}

	it('registers vault events only after layout ready: the start-up create storm indexes nothing per file', async () => {
		const { app, runtime } = await start();
		expect(runtime.index.calls).toEqual(['sync']);
		await app.vault.create('Later.md', 'new');
		await Promise.resolve();
		// `create` and the metadata `changed` after parsing; the indexer's debounce merges them.
		expect(runtime.index.calls).toEqual(['sync', 'changed Later.md', 'changed Later.md']);
	});

	it('does not index at start-up when the user turned it off', async () => {
		const { runtime } = await start({ indexOnStartup: false });
		expect(runtime.index.calls).toEqual([]);
	});

	it('registers commands without default hotkeys, a status bar item, a view and a settings tab', async () => {
		const { app } = await start();
		const ids = [...app.commands.keys()].map((k) => k.replace(`${manifest.id}:`, ''));
		expect(ids.sort()).toEqual(['cancel-indexing', 'open-related-notes', 'pause-indexing', 'reindex-vault', 'resume-indexing', 'search', 'show-index-status']);
		expect([...app.commands.values()].every((c) => c.hotkeys === undefined)).toBe(true);
		expect(app.statusBar.children).toHaveLength(1);
		expect(app.workspace.viewFactories.has(RELATED_VIEW_TYPE)).toBe(true);
		expect(app.settingTabs).toHaveLength(1);
	});

	it('unloads cleanly: nothing registered is left and the runtime is disposed', async () => {
		const { app, shim, runtime } = await start();
		expect(app.executeCommandById(`${manifest.id}:open-related-notes`)).toBe(true);
		await vi.waitFor(() => expect(app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)).toHaveLength(1));
		shim.unload();
		expect(app.commands.size).toBe(0);
		expect(app.statusBar.children).toEqual([]);
		expect(app.settingTabs).toEqual([]);
		// The view is closed, its leaf kept in place for when the plugin is enabled again.
		expect(app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)).toEqual([]);
		expect(app.workspace.leaves.filter((l) => l.getViewState().type === RELATED_VIEW_TYPE)).toHaveLength(1);
		expect(app.workspace.viewFactories.size).toBe(0);
		expect(handlerCount(app)).toBe(0);
		expect(runtime.index.listenerCount + runtime.search.listenerCount).toBe(0);
		expect(runtime.disposed).toBe(true);
		expect(shim.pendingCleanups).toBe(0);
	});

	it('disable, enable, disable, enable with the related view open: one view, rebuilt in its leaf, working', async () => {
		const { app, shim } = await start();
		await openNote(app, 'Notes/1.md');
		app.executeCommandById(`${manifest.id}:open-related-notes`);
		await vi.waitFor(() => expect(app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)).toHaveLength(1));
		const leaf = app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)[0];
		const handlers = handlerCount(app);
		let current = shim;
		for (let i = 0; i < 2; i++) {
			current.unload();
			expect(handlerCount(app)).toBe(0);
			const next = newPlugin(app);
			const runtime = new FakeRuntime();
			runtime.search.relatedAnswer = () => ({ results: [result('Notes/2.md')] });
			next.plugin.createRuntime = () => runtime;
			await startApp(app, next.shim);
			current = next.shim;
			app.executeCommandById(`${manifest.id}:open-related-notes`);
			await vi.waitFor(() => expect(runtime.search.relatedAsked).toEqual(['Notes/1.md']));
			expect(app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)).toEqual([leaf]);
			const view = leaf.view as unknown as RelatedNotesView;
			expect(view).toBeInstanceOf(RelatedNotesView);
			await view.settled;
			expect((view.contentEl as unknown as Modal['contentEl']).byClass('sns-result-title').map((e) => e.getText())).toEqual(['2']);
			expect(handlerCount(app)).toBe(handlers);
		}
	});

	it('reveals a related view restored deferred instead of opening a second one', async () => {
		const { app, runtime } = await start();
		await openNote(app, 'Notes/1.md');
		const leaf = app.workspace.restoreDeferred('right', RELATED_VIEW_TYPE);
		expect(app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)).toEqual([leaf]);
		expect(leaf.view).not.toBeInstanceOf(RelatedNotesView);
		app.executeCommandById(`${manifest.id}:open-related-notes`);
		await vi.waitFor(() => expect(leaf.view).toBeInstanceOf(RelatedNotesView));
		expect(app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)).toEqual([leaf]);
		await vi.waitFor(() => expect(runtime.search.relatedAsked).toEqual(['Notes/1.md']));
	});

	it('asks for confirmation before reindexing', async () => {
		const { app, runtime } = await start();
		app.executeCommandById(`${manifest.id}:reindex-vault`);
		const confirm = app.openModals[0];
		expect(confirm).toBeInstanceOf(Modal);
		expect(confirm.titleEl.getText()).toBe('Reindex vault');
		expect(runtime.index.calls).not.toContain('rebuild');
		const buttons = confirm.contentEl.byClass('setting-item')[0];
		expect(buttons).toBeDefined();
		const setting = confirm.contentEl.findAll((el) => el.setting !== undefined)[0].setting as { components: { buttonText: string; click(): Promise<void> }[] };
		expect(setting.components.map((b) => b.buttonText)).toEqual(['Cancel', 'Reindex']);
		await setting.components[0].click();
		expect(runtime.index.calls).not.toContain('rebuild');
		app.executeCommandById(`${manifest.id}:reindex-vault`);
		runtime.index.nextReport = report({ notes: 50, embedded: 50 });
		const again = app.openModals[0].contentEl.findAll((el) => el.setting !== undefined)[0].setting as typeof setting;
		await again.components[1].click();
		await vi.waitFor(() => expect(runtime.index.calls).toContain('rebuild'));
		await vi.waitFor(() => expect(Notice.shown.map((n) => n.message)).toContain('Semantic index ready: 50 notes, 50 passages embedded.'));
	});

	it('says so when the user cancelled a run, and reports nothing after unload', async () => {
		const { app, shim, runtime } = await start();
		runtime.index.nextReport = report({ notes: 50, embedded: 7 });
		runtime.index.setProgress({ done: 7, total: 50, state: 'cancelled' });
		app.executeCommandById(`${manifest.id}:reindex-vault`);
		const confirm = app.openModals[0].contentEl.findAll((el) => el.setting !== undefined)[0].setting as { components: { click(): Promise<void> }[] };
		await confirm.components[1].click();
		await vi.waitFor(() => expect(Notice.shown.map((n) => n.message)).toContain('Indexing cancelled after 7 passages; the rest is indexed on the next sync.'));
		runtime.index.nextReport = new Error('The embedding worker was stopped.');
		app.executeCommandById(`${manifest.id}:reindex-vault`);
		const again = app.openModals[0].contentEl.findAll((el) => el.setting !== undefined)[0].setting as typeof confirm;
		shim.unload();
		await again.components[1].click();
		await new Promise((r) => setTimeout(r, 10));
		expect(Notice.shown).toHaveLength(1);
	});

	it('pause, resume and cancel commands are offered only when they apply', async () => {
		const { app, runtime } = await start();
		expect(app.executeCommandById(`${manifest.id}:pause-indexing`)).toBe(false);
		runtime.index.setProgress({ done: 1, total: 5, state: 'indexing' });
		expect(app.executeCommandById(`${manifest.id}:pause-indexing`)).toBe(true);
		runtime.index.setProgress({ done: 1, total: 5, state: 'paused' });
		expect(app.executeCommandById(`${manifest.id}:resume-indexing`)).toBe(true);
		expect(app.executeCommandById(`${manifest.id}:cancel-indexing`)).toBe(true);
		expect(runtime.index.calls).toEqual(['sync', 'pause', 'resume', 'cancel']);
	});

	it('keeps the model folder on this device: not in data.json, which sync tools copy to other devices', async () => {
		const { app, plugin } = await start({ modelFolder: '/old/place', threshold: 0.3 });
		// An older data.json with the folder: it moves to this device's storage.
		expect(plugin.settings.modelFolder).toBe('/old/place');
		await plugin.updateSettings({ modelFolder: '/home/me/models' });
		expect(app.pluginData.get(manifest.id)).not.toHaveProperty('modelFolder');
		expect(app.pluginData.get(manifest.id)).toMatchObject({ threshold: 0.3 });
		expect(app.loadLocalStorage(`${manifest.id}:model-folder`)).toBe('/home/me/models');
	});

	it('applies settings synced from another device, keeping the model folder of this one', async () => {
		const { app, plugin, runtime } = await start();
		await plugin.updateSettings({ modelFolder: '/home/me/models' });
		vi.useFakeTimers();
		try {
			await vi.advanceTimersByTimeAsync(1100);
			const changes = runtime.settingsChanges;
			app.pluginData.set(manifest.id, { ...(app.pluginData.get(manifest.id) as object), threshold: 0.25, exclusions: 'Archive/', modelFolder: 'C:\\Models' });
			await plugin.onExternalSettingsChange();
			expect(plugin.settings).toMatchObject({ threshold: 0.25, exclusions: 'Archive/', modelFolder: '/home/me/models' });
			await vi.advanceTimersByTimeAsync(1100);
			expect(runtime.settingsChanges).toBe(changes + 1);
			expect(runtime.index.calls.at(-1)).toBe('sync'); // the exclusions changed
		} finally {
			vi.useRealTimers();
		}
	});

	it('saves settings and applies model and exclusion changes after typing stops', async () => {
		const { app, runtime } = await start();
		vi.useFakeTimers();
		try {
			const tab = app.settingTabs[0];
			tab.display();
			const toggle = tab.setting('Allow downloading the model').components[0] as ToggleComponent;
			await toggle.userChange(true);
			expect(app.pluginData.get(manifest.id)).toMatchObject({ allowDownload: true });
			expect(runtime.settingsChanges).toBe(0);
			await vi.advanceTimersByTimeAsync(1100);
			expect(runtime.settingsChanges).toBe(1);
			expect(runtime.index.calls).toEqual(['sync', 'sync']);
			// The threshold only needs the views refreshed, not a sync.
			await (tab.setting('Similarity threshold').components[0] as SliderComponent).userChange(0.3);
			await vi.advanceTimersByTimeAsync(1100);
			expect(runtime.settingsChanges).toBe(2);
			expect(runtime.index.calls).toEqual(['sync', 'sync']);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('plugin installed in a folder not named after its id', () => {
	it('keeps downloaded model files in its own folder (manifest.dir), which uninstalling removes', async () => {
		const app = new App();
		const plugin = new SemanticNoteSearchPlugin(app as unknown as Obsidian.App, asObsidianManifest({ ...manifest, dir: '.obsidian/plugins/sns-dev' }));
		const looked: string[] = [];
		plugin.createRuntime = vaultRuntimeFactory({
			loadEngine: (files) => {
				looked.push(files.location);
				return Promise.reject(new Error('no engine in this test'));
			},
		});
		await startApp(app, plugin as unknown as Plugin, NOTES);
		await vi.waitFor(() => expect(looked).toHaveLength(1));
		expect(looked[0]).toContain('(.obsidian/plugins/sns-dev/models)');
		expect(plugin.modelCacheFolder).toBe('.obsidian/plugins/sns-dev/models');
	});
});

describe('plugin disabled while its model loads', () => {
	it('starts no worker for the disabled plugin: a quick disable and enable loads the model once', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sns-model-'));
		writeFileSync(path.join(dir, 'config.json'), '{}');
		const app = new App();
		app.pluginData.set(manifest.id, { modelFolder: dir });
		let workersStarted = 0;
		// The plugin's engine loader reads every model file, then starts the worker.
		const factory = vaultRuntimeFactory({
			loadEngine: async (files) => {
				await files.read('config.json');
				workersStarted++;
				return Promise.reject(new Error('no worker in this test'));
			},
		});
		const first = newPlugin(app);
		first.plugin.createRuntime = factory;
		await startApp(app, first.shim, NOTES);
		first.shim.unload();
		const second = newPlugin(app);
		second.plugin.createRuntime = factory;
		await startApp(app, second.shim);
		await vi.waitFor(() => expect(workersStarted).toBe(1));
		await new Promise((r) => setTimeout(r, 50));
		expect(workersStarted).toBe(1);
	});
});

describe('plugin downloading the model', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('disabling the plugin in the middle of the download stops it and leaves no notice', async () => {
		Notice.shown = [];
		const app = new App();
		app.pluginData.set(manifest.id, { allowDownload: true });
		const { plugin, shim } = newPlugin(app);
		plugin.createRuntime = vaultRuntimeFactory({ loadEngine: (files) => files.read('config.json').then(() => Promise.reject(new Error('unreachable'))) });
		const signals: AbortSignal[] = [];
		// The Hub sends headers, then nothing: only an abort ends the pending read.
		vi.stubGlobal('fetch', (_url: string, init: { signal: AbortSignal }) => {
			signals.push(init.signal);
			const read = () => new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
			return Promise.resolve({ ok: true, status: 200, headers: { get: () => null }, body: { getReader: () => ({ read }) } });
		});
		await startApp(app, shim, NOTES);
		await vi.waitFor(() => expect(signals).toHaveLength(1));
		expect(Notice.shown.map((n) => n.message)).toEqual(['Downloading the embedding model from Hugging Face: config.json…']);
		shim.unload();
		expect(signals[0].aborted).toBe(true);
		await vi.waitFor(() => expect(Notice.shown.every((n) => n.hidden)).toBe(true));
		await new Promise((r) => setTimeout(r, 10));
		expect(Notice.shown).toHaveLength(1); // no error reported after unload
	});
});

describe('plugin with the real runtime and the fake embedder', () => {
	beforeEach(() => {
		Notice.shown = [];
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	async function start(options: { unavailable?: boolean } = {}) {
		const app = new App();
		app.pluginData.set(manifest.id, { threshold: 0.1 });
		const { plugin, shim } = newPlugin(app);
		const { factory, probe } = fakeEngineRuntime(options);
		plugin.createRuntime = factory;
		await startApp(app, shim, NOTES);
		return { app, shim, probe };
	}

	it('indexes at start-up, announces it, and searches from the command', async () => {
		const { app, probe } = await start();
		await vi.waitFor(() => expect(Notice.shown.map((n) => n.message)).toContain('Semantic index ready: 3 notes, 3 passages embedded.'));
		expect(probe.loads).toBe(1);
		app.executeCommandById(`${manifest.id}:search`);
		const modal = shimSuggest(app.openModals[0] as unknown as Obsidian.SuggestModal<unknown>);
		expect(modal).toBeInstanceOf(SuggestModal);
		await modal.setQuery('tomato plants');
		expect(modal.resultContainerEl.byClass('sns-result-title')[0].getText()).toBe('Tomatoes');
	});

	it('follows a folder rename through the per-note events: nothing re-embedded, results at the new paths', async () => {
		const { app, probe } = await start();
		await vi.waitFor(() => expect(Notice.shown.map((n) => n.message)).toContain('Semantic index ready: 3 notes, 3 passages embedded.'));
		const embedded = probe.embedders[0].embeddedTexts.length;
		const garden = app.vault.getFolderByPath('Garden');
		if (!garden) throw new Error('missing folder');
		await app.vault.rename(garden, 'Plants');
		expect(app.vault.getMarkdownFiles().map((f) => f.path).sort()).toEqual(['Plants/Basil.md', 'Plants/Tomatoes.md', 'Work/Standup.md']);
		app.executeCommandById(`${manifest.id}:search`);
		const modal = shimSuggest(app.openModals[0] as unknown as Obsidian.SuggestModal<{ path: string }>);
		await vi.waitFor(async () => {
			await modal.setQuery('tomato plants');
			expect(modal.values.map((r) => r.path)).toEqual(expect.arrayContaining(['Plants/Tomatoes.md']));
		});
		await modal.setQuery('basil flowers');
		expect(modal.values[0]?.path).toBe('Plants/Basil.md');
		expect(modal.values.map((r) => r.path).filter((p) => p.startsWith('Garden/'))).toEqual([]);
		// Only the two queries were embedded after start-up: the vectors moved with their notes.
		expect(new Set(probe.embedders[0].embeddedTexts.slice(embedded))).toEqual(new Set(['tomato plants', 'basil flowers']));
		app.executeCommandById(`${manifest.id}:show-index-status`);
		const status = app.openModals.at(-1) as unknown as { rendered: Promise<void>; contentEl: Modal['contentEl'] };
		await status.rendered;
		expect(status.contentEl.getText()).toContain('Indexed notes3');
	});

	it.each(['each', 'folder-only'] as const)('drops every note of a deleted folder from the index (delete events: %s)', async (events) => {
		const { app } = await start();
		await vi.waitFor(() => expect(Notice.shown.map((n) => n.message)).toContain('Semantic index ready: 3 notes, 3 passages embedded.'));
		app.vault.folderDeleteEvents = events;
		const garden = app.vault.getFolderByPath('Garden');
		if (!garden) throw new Error('missing folder');
		await app.vault.delete(garden);
		app.executeCommandById(`${manifest.id}:search`);
		const modal = shimSuggest(app.openModals[0] as unknown as Obsidian.SuggestModal<{ path: string }>);
		await vi.waitFor(async () => {
			await modal.setQuery('tomato plants');
			expect(modal.values.map((r) => r.path)).not.toContain('Garden/Tomatoes.md');
		});
		app.executeCommandById(`${manifest.id}:show-index-status`);
		const status = app.openModals.at(-1) as unknown as { rendered: Promise<void>; contentEl: Modal['contentEl'] };
		await status.rendered;
		expect(status.contentEl.getText()).toContain('Indexed notes1');
	});

	it('shows the index status with counts', async () => {
		const { app } = await start();
		await vi.waitFor(() => expect(Notice.shown).toHaveLength(1));
		app.executeCommandById(`${manifest.id}:show-index-status`);
		const modal = app.openModals[0] as unknown as { rendered: Promise<void>; contentEl: Modal['contentEl'] };
		await modal.rendered;
		expect(modal.contentEl.getText()).toContain('Indexed notes3');
	});

	it('without a model: one clear notice, no stack trace, and search explains it', async () => {
		const { app, shim } = await start({ unavailable: true });
		await vi.waitFor(() => expect(Notice.shown).toHaveLength(1));
		const message = Notice.shown[0].message;
		expect(message).toMatch(/^The embedding model \(all-MiniLM-L6-v2\) is not available/);
		expect(message).toContain('allow the plugin to download it');
		expect(message).toContain('See the plugin settings.');
		expect(message).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
		app.executeCommandById(`${manifest.id}:search`);
		const modal = shimSuggest(app.openModals[0] as unknown as Obsidian.SuggestModal<unknown>);
		await modal.setQuery('tomato');
		expect(modal.resultContainerEl.getText()).toContain('is not available');
		await (shim as unknown as SemanticNoteSearchPlugin).updateSettings({ threshold: 0.2 });
		expect(Notice.shown).toHaveLength(1);
	});

	it('without a model: the notice goes away, and a model folder is applied once, when its field loses focus', async () => {
		const { app, probe } = await start({ unavailable: true });
		await vi.waitFor(() => expect(Notice.shown).toHaveLength(1));
		expect(Notice.shown[0].duration).toBeGreaterThan(0);
		vi.useFakeTimers();
		const tab = app.settingTabs[0];
		tab.display();
		const folder = tab.setting('Model folder').components[0] as TextComponent;
		for (const typed of ['/m', '/mo', '/models']) {
			await folder.userChange(typed);
			await vi.advanceTimersByTimeAsync(1100);
		}
		expect(probe.loads).toBe(1);
		folder.commit();
		await vi.advanceTimersByTimeAsync(1100);
		vi.useRealTimers();
		await vi.waitFor(() => expect(probe.loads).toBe(2));
		await vi.waitFor(() => expect(Notice.shown).toHaveLength(2));
		expect(app.loadLocalStorage(`${manifest.id}:model-folder`)).toBe('/models');
		// Still no model there: said again, and the first notice is gone, not stacked.
		expect(Notice.shown.filter((n) => !n.hidden)).toEqual([Notice.shown[1]]);
	});

	it('a related view restored with the workspace loads nothing before layout ready; one load, one sync, one notice', async () => {
		const app = new App();
		app.pluginData.set(manifest.id, { threshold: 0.1 });
		const { plugin, shim } = newPlugin(app);
		const { factory, probe } = fakeEngineRuntime();
		plugin.createRuntime = factory;
		await startApp(app, shim, NOTES, async () => {
			await app.workspace.getRightLeaf(false).setViewState({ type: RELATED_VIEW_TYPE });
			await openNote(app, 'Garden/Tomatoes.md');
			await new Promise((r) => setTimeout(r, RELATED_REFRESH_MS + 100));
			expect(probe.loads).toBe(0);
		});
		await vi.waitFor(() => expect(Notice.shown.map((n) => n.message)).toEqual(['Semantic index ready: 3 notes, 3 passages embedded.']));
		const view = app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)[0].view as unknown as RelatedNotesView;
		await vi.waitFor(() => expect((view.contentEl as unknown as Modal['contentEl']).byClass('sns-result-title').length).toBeGreaterThan(0));
		expect(probe.loads).toBe(1);
		// Each note embedded once: no second (catch-up) sync ran beside the start-up one.
		expect(probe.embedders[0].embeddedTexts.filter((t) => t.includes('tomato plants every morning'))).toHaveLength(1);
		expect(Notice.shown).toHaveLength(1);
	});

	it('a disabled plugin takes its missing-model notice with it', async () => {
		const { shim } = await start({ unavailable: true });
		await vi.waitFor(() => expect(Notice.shown).toHaveLength(1));
		shim.unload();
		expect(Notice.shown[0].hidden).toBe(true);
	});

	it('terminates the engine (the worker) on unload', async () => {
		const { app, shim, probe } = await start();
		await vi.waitFor(() => expect(Notice.shown).toHaveLength(1));
		shim.unload();
		await vi.waitFor(() => expect(probe.allDisposed()).toBe(true));
		expect(handlerCount(app)).toBe(0);
	});
});
