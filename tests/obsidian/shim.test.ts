import { describe, expect, it, vi } from 'vitest';
import { App, Component, ItemView, Keymap, Platform, Plugin, TFile, TFolder, startApp, type View, type WorkspaceLeaf } from '../shims/obsidian';

class Probe extends Plugin {
	onload(): void {}
}

describe('obsidian shim behaves like Obsidian where the plugin relies on it', () => {
	it('fires create for every file while the app starts, before layout ready', async () => {
		const app = new App();
		const seen: string[] = [];
		app.vault.on('create', (f: TFile) => seen.push(`${f.path} ready=${String(app.workspace.layoutReady)}`));
		await startApp(app, new Probe(app, { id: 'p', name: 'P', version: '1', minAppVersion: '1' }), { 'a.md': 'A', 'dir/b.md': 'B' });
		expect(seen).toEqual(['a.md ready=false', 'dir ready=false', 'dir/b.md ready=false']);
		expect(app.workspace.layoutReady).toBe(true);
	});

	it('models files and folders with names, extensions, parents and stats', async () => {
		const app = new App();
		const file = await app.vault.create('notes/Deep Work.md', 'hello');
		expect(file).toBeInstanceOf(TFile);
		expect([file.name, file.basename, file.extension, file.stat.size]).toEqual(['Deep Work.md', 'Deep Work', 'md', 5]);
		expect(file.parent).toBeInstanceOf(TFolder);
		expect(file.parent?.path).toBe('notes');
		expect(app.vault.getMarkdownFiles()).toEqual([file]);
	});

	it('fires metadata changed after modify but not after rename', async () => {
		const app = new App();
		const file = await app.vault.create('a.md', '# One');
		await Promise.resolve();
		const changed = vi.fn();
		const renamed = vi.fn();
		app.metadataCache.on('changed', changed);
		app.vault.on('rename', renamed);
		await app.vault.rename(file, 'b.md');
		await Promise.resolve();
		expect(renamed).toHaveBeenCalledWith(file, 'a.md');
		expect(changed).not.toHaveBeenCalled();
		await app.vault.modify(file, '# Two');
		await Promise.resolve();
		expect(changed).toHaveBeenCalledTimes(1);
		expect(app.metadataCache.getFileCache(file)?.headings?.[0].heading).toBe('Two');
	});

	it('Keymap.isModEvent maps events to pane types as obsidian.d.ts documents', () => {
		const mac = Platform.isMacOS;
		try {
			expect(Keymap.isModEvent({ ctrlKey: true })).toBe('tab');
			expect(Keymap.isModEvent({ ctrlKey: true, altKey: true })).toBe('split');
			expect(Keymap.isModEvent({ ctrlKey: true, altKey: true, shiftKey: true })).toBe('window');
			expect(Keymap.isModEvent({ button: 1 })).toBe('tab');
			expect(Keymap.isModEvent({ altKey: true, button: 0 })).toBe(false);
			Platform.isMacOS = true;
			expect(Keymap.isModEvent({ ctrlKey: true })).toBe(false);
			expect(Keymap.isModEvent({ metaKey: true })).toBe('tab');
		} finally {
			Platform.isMacOS = mac;
		}
	});

	it("keeps a plugin's view leaves on unload and rebuilds their views when the type is registered again", async () => {
		class Probe2 extends Plugin {
			onload(): void {
				this.registerView('probe', (leaf: WorkspaceLeaf): View => new ProbeView(leaf));
			}
		}
		class ProbeView extends ItemView {
			getViewType(): string { return 'probe'; }
			getDisplayText(): string { return 'Probe'; }
		}
		const app = new App();
		const manifest = { id: 'p', name: 'P', version: '1', minAppVersion: '1' };
		const first = new Probe2(app, manifest);
		await startApp(app, first);
		const leaf = app.workspace.getRightLeaf(false);
		await leaf.setViewState({ type: 'probe' });
		const view = leaf.view;
		first.unload();
		expect(view?.isLoaded).toBe(false);
		expect(app.workspace.leaves).toContain(leaf);
		expect(leaf.getViewState().type).toBe('probe');
		new Probe2(app, manifest).load();
		await Promise.resolve();
		expect(leaf.view).toBeInstanceOf(ProbeView);
		expect(leaf.view).not.toBe(view);
	});

	it('runs every registered cleanup on unload and removes event handlers', () => {
		const app = new App();
		const c = new Component();
		c.load();
		const cleanup = vi.fn();
		c.register(cleanup);
		c.registerEvent(app.vault.on('modify', () => undefined));
		expect(app.vault.listenerCount()).toBe(1);
		c.unload();
		expect(cleanup).toHaveBeenCalledOnce();
		expect(app.vault.listenerCount()).toBe(0);
	});
});
