import { describe, expect, it } from 'vitest';
import { IndexStatusBar } from '../../src/obsidian/status-bar';
import { FakeIndex } from '../helpers/obsidian-fakes';
import { asPlugin, hostPlugin } from '../helpers/obsidian-harness';
import { Menu } from '../shims/obsidian';

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
});
