import { Menu, type Plugin } from 'obsidian';
import type { IndexPort } from '../runtime/ports';
import { progressText } from './progress-text';

/**
 * The status bar item: indexing progress while a run is active, hidden otherwise. A click opens a
 * menu to pause, resume or cancel the run and to open the index status.
 */
export class IndexStatusBar {
	private readonly el: HTMLElement;

	constructor(
		plugin: Plugin,
		private readonly index: IndexPort,
		private readonly showStatus: () => void,
	) {
		this.el = plugin.addStatusBarItem();
		this.el.addClass('sns-status-bar', 'mod-clickable');
		this.el.setAttr('aria-label', 'Semantic index: click for options');
		plugin.registerDomEvent(this.el, 'click', (evt) => this.openMenu(evt));
		plugin.register(index.onProgress(() => this.render()));
		this.render();
	}

	render(): void {
		const text = progressText(this.index.progress());
		this.el.setText(text);
		this.el.toggleClass('sns-hidden', text === '');
	}

	private openMenu(evt: MouseEvent): void {
		const state = this.index.progress().state;
		const menu = new Menu();
		if (state === 'indexing') menu.addItem((i) => i.setTitle('Pause indexing').setIcon('pause').onClick(() => this.index.pause()));
		if (state === 'paused') menu.addItem((i) => i.setTitle('Resume indexing').setIcon('play').onClick(() => this.index.resume()));
		if (state === 'indexing' || state === 'paused') {
			menu.addItem((i) => i.setTitle('Cancel indexing').setIcon('x').onClick(() => this.index.cancel()));
		}
		menu.addItem((i) => i.setTitle('Show index status').setIcon('info').onClick(() => this.showStatus()));
		menu.showAtMouseEvent(evt);
	}
}
