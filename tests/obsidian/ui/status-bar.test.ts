import { describe, expect, it } from 'vitest';
import { IndexStatusBar } from '../../../src/obsidian/ui/status-bar';
import { defaultSettings } from '../../../src/obsidian/runtime/settings';
import { FakeIndex } from '../../helpers/obsidian-fakes';
import { asApp, asPlugin, hostPlugin } from '../../helpers/obsidian-harness';
import { fakeEngineRuntime, usedAnywayModelChecks } from '../../helpers/obsidian-runtime';
import { Menu } from '../../shims/obsidian';

describe('status bar', () => {
	function setup() {
		const { app, plugin } = hostPlugin();
		const index = new FakeIndex();
		let statusShown = 0;
		new IndexStatusBar(asPlugin(plugin), index, () => statusShown++);
		const el = app.statusBar.children[0];
		return { app, plugin, index, el, shown: () => statusShown };
	}

	it('shows progress while indexing and hides when idle', () => {
		const { index, el } = setup();
		expect(el.hasClass('sns-hidden')).toBe(true);
		index.setProgress({ done: 120, total: 1000, secondsLeft: 120, current: 'Inbox/Meeting notes.md', state: 'indexing' });
		expect(el.getText()).toBe('Indexing 120/1,000 · 2 min left · Meeting notes');
		expect(el.hasClass('sns-hidden')).toBe(false);
		index.setProgress({ done: 1000, total: 1000, state: 'idle' });
		expect(el.getText()).toBe('');
		expect(el.hasClass('sns-hidden')).toBe(true);
	});

	it('offers pause, resume, cancel and status from a click menu', () => {
		const { index, el, shown } = setup();
		index.setProgress({ done: 1, total: 10, state: 'indexing' });
		el.dispatch('click');
		expect(Menu.lastShown?.items.map((i) => i.title)).toEqual(['Pause indexing', 'Cancel indexing', 'Show index status']);
		Menu.lastShown?.click('Pause indexing');
		index.setProgress({ done: 1, total: 10, state: 'paused' });
		el.dispatch('click');
		Menu.lastShown?.click('Resume indexing');
		el.dispatch('click');
		Menu.lastShown?.click('Cancel indexing');
		el.dispatch('click');
		Menu.lastShown?.click('Show index status');
		expect(index.calls).toEqual(['pause', 'resume', 'cancel']);
		expect(shown()).toBe(1);
	});

	it('is removed with its listeners on unload', () => {
		const { app, plugin, index, el } = setup();
		plugin.unload();
		expect(app.statusBar.children).toEqual([]);
		expect(el.listenerCount()).toBe(0);
		expect(index.listenerCount).toBe(0);
	});

	it('shows the note being indexed and the time left during a real run (runtime, indexer, fake embedder)', async () => {
		const { app, plugin } = hostPlugin();
		// More notes than one embedding window (64), so the run has a rate before it ends.
		for (let i = 0; i < 80; i++) await app.vault.create(`Notes/Note ${String(i).padStart(2, '0')}.md`, `Note ${i} is about topic ${i % 7}.`);
		const settings = defaultSettings('.obsidian');
		const { factory } = fakeEngineRuntime();
		const runtime = factory({ app: asApp(app), pluginDir: '.obsidian/plugins/semantic-note-search', signal: new AbortController().signal, modelChecks: usedAnywayModelChecks(), settings: () => settings, onModelError: () => undefined });
		new IndexStatusBar(asPlugin(plugin), runtime.index, () => undefined);
		const el = app.statusBar.children[0];
		const shown: string[] = [];
		const setText = el.setText.bind(el);
		el.setText = (text: string) => {
			shown.push(text);
			return setText(text);
		};
		const report = await runtime.index.sync();
		expect(report.notes).toBe(80);
		// Before the first window is committed: count and note, no estimate yet.
		expect(shown).toContain('Indexing 0/80 · Note 00');
		// After it: count, time left and the note being indexed.
		const withEstimate = shown.filter((t) => / · (less than a minute left|\d+ min left) · Note \d\d$/.test(t));
		expect(withEstimate.length).toBeGreaterThan(0);
		expect(withEstimate[0]).toMatch(/^Indexing 64\/80 · /);
		expect(shown.at(-1)).toBe('');
		expect(el.hasClass('sns-hidden')).toBe(true);
		await runtime.dispose();
	});
});
