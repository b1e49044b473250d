/** The `obsidian` module's UI classes for the e2e page, rendering Obsidian's markup into the real DOM. */
import type { FakeElement } from '../../../tests/shims/dom';
import { ButtonComponent as ShimButtonComponent, Setting as ShimSetting } from '../../../tests/shims/ui';
import { Component } from './base';
import type { HostApp } from './app';

export interface KeymapHandler {
	modifiers: string[];
	key: string;
	func: (evt: KeyboardEvent) => unknown;
}

export class Scope {
	readonly keys: KeymapHandler[] = [];
	register(modifiers: string[], key: string, func: (evt: KeyboardEvent) => unknown): KeymapHandler {
		const handler = { modifiers, key, func };
		this.keys.push(handler);
		return handler;
	}
}

/** Notices stack in `.notice-container`; the page keeps every message for the driver. */
export class Notice {
	static readonly shown: string[] = [];
	readonly noticeEl: HTMLElement;

	constructor(message: string, timeout = 5000) {
		Notice.shown.push(message);
		let container = document.body.querySelector<HTMLElement>('.notice-container');
		container ??= document.body.createDiv({ cls: 'notice-container' });
		this.noticeEl = container.createDiv({ cls: 'notice', text: message });
		if (timeout > 0) window.setTimeout(() => this.hide(), timeout);
	}

	hide(): void {
		this.noticeEl.remove();
	}
}

export class Modal {
	readonly containerEl: HTMLElement;
	readonly modalEl: HTMLElement;
	readonly titleEl: HTMLElement;
	readonly contentEl: HTMLElement;
	readonly scope = new Scope();

	constructor(readonly app: HostApp) {
		this.containerEl = document.createElement('div');
		this.containerEl.addClass('modal-container');
		// A click beside the modal or Escape closes it, as in Obsidian.
		this.containerEl.createDiv({ cls: 'modal-bg' }).addEventListener('click', () => this.close());
		this.containerEl.addEventListener('keydown', (evt) => {
			if (evt.key === 'Escape') this.close();
		});
		this.modalEl = this.containerEl.createDiv({ cls: 'modal' });
		this.titleEl = this.modalEl.createDiv({ cls: 'modal-title' });
		this.contentEl = this.modalEl.createDiv({ cls: 'modal-content' });
	}

	open(): void {
		document.body.appendChild(this.containerEl);
		this.onOpen();
	}

	close(): void {
		this.containerEl.remove();
		this.onClose();
	}

	onOpen(): void {
		// overridden
	}

	onClose(): void {
		// overridden
	}
}

export interface Instruction {
	command: string;
	purpose: string;
}

/** Obsidian's SuggestModal: an input, suggestions recomputed on every input event, Enter chooses. */
export abstract class SuggestModal<T> extends Modal {
	readonly inputEl: HTMLInputElement;
	readonly resultContainerEl: HTMLElement;
	private readonly instructionsEl: HTMLElement;
	emptyStateText = 'No results.';
	limit = 50;
	private items: T[] = [];
	private selected = 0;
	private generation = 0;

	constructor(app: HostApp) {
		super(app);
		this.modalEl.addClass('prompt');
		this.titleEl.remove();
		this.contentEl.remove();
		this.inputEl = this.modalEl.createDiv({ cls: 'prompt-input-container' }).createEl('input', { cls: 'prompt-input', attr: { type: 'text' } });
		this.resultContainerEl = this.modalEl.createDiv({ cls: 'prompt-results' });
		this.instructionsEl = this.modalEl.createDiv({ cls: 'prompt-instructions' });
		this.inputEl.addEventListener('input', () => void this.update());
		this.inputEl.addEventListener('keydown', (evt) => {
			if (evt.key !== 'Enter') return;
			const mods = [evt.ctrlKey || evt.metaKey ? 'Mod' : undefined].filter(Boolean);
			const handler = this.scope.keys.find((k) => k.key === 'Enter' && k.modifiers.join() === mods.join());
			if (handler) handler.func(evt);
			else this.selectActiveSuggestion(evt);
		});
	}

	setPlaceholder(text: string): void {
		this.inputEl.placeholder = text;
	}

	setInstructions(instructions: Instruction[]): void {
		this.instructionsEl.empty();
		for (const { command, purpose } of instructions) {
			const item = this.instructionsEl.createDiv({ cls: 'prompt-instruction' });
			item.createSpan({ cls: 'prompt-instruction-command', text: command });
			item.createSpan({ text: purpose });
		}
	}

	open(): void {
		super.open();
		this.inputEl.focus();
		void this.update();
	}

	selectActiveSuggestion(evt: KeyboardEvent | MouseEvent): void {
		const item = this.items[this.selected];
		if (item === undefined) return;
		this.close();
		this.onChooseSuggestion(item, evt);
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

	private async update(): Promise<void> {
		const generation = ++this.generation;
		const items = await this.getSuggestions(this.inputEl.value);
		if (generation !== this.generation) return;
		this.items = items.slice(0, this.limit);
		this.selected = 0;
		this.resultContainerEl.empty();
		if (this.items.length === 0) this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
		this.items.forEach((item, i) => this.renderSuggestion(item, this.resultContainerEl.createDiv({ cls: i === 0 ? ['suggestion-item', 'is-selected'] : 'suggestion-item' })));
	}
}

export class Menu extends Component {
	private readonly items: { title: string; onClick?: () => unknown }[] = [];

	addItem(build: (item: MenuItem) => unknown): this {
		const item = new MenuItem();
		build(item);
		this.items.push(item.state);
		return this;
	}

	showAtMouseEvent(): this {
		const el = document.body.createDiv({ cls: 'menu' });
		for (const item of this.items) {
			const row = el.createDiv({ cls: 'menu-item', text: item.title });
			row.addEventListener('click', () => {
				el.remove();
				void item.onClick?.();
			});
		}
		return this;
	}
}

export class MenuItem {
	readonly state: { title: string; onClick?: () => unknown } = { title: '' };
	setTitle(title: string): this {
		this.state.title = title;
		return this;
	}
	setIcon(): this {
		return this;
	}
	onClick(callback: () => unknown): this {
		this.state.onClick = callback;
		return this;
	}
}

/** The shim's button with a real `<button>` the page can click. */
export class ButtonComponent extends ShimButtonComponent {
	readonly buttonEl: HTMLButtonElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl('button');
	}

	override setButtonText(text: string): this {
		this.buttonEl.setText(text);
		return super.setButtonText(text);
	}

	override setWarning(): this {
		this.buttonEl.addClass('mod-warning');
		return this;
	}

	override setCta(): this {
		this.buttonEl.addClass('mod-cta');
		return this;
	}

	override onClick(callback: (evt: unknown) => unknown): this {
		this.buttonEl.addEventListener('click', (evt) => void callback(evt));
		return super.onClick(callback);
	}
}

/**
 * A settings row: the unit-test shim's (it builds Obsidian's markup with the element's own
 * helpers, real DOM here), with buttons the page can click (the reindex confirmation).
 */
export class Setting extends ShimSetting {
	constructor(containerEl: HTMLElement) {
		super(containerEl as unknown as FakeElement);
	}

	override addButton(build: (button: ShimButtonComponent) => unknown): this {
		build(new ButtonComponent(this.controlEl as unknown as HTMLElement));
		return this;
	}
}

/** Constructed at onload; the e2e never opens the settings, so `display` is the plugin's own. */
export abstract class PluginSettingTab {
	readonly containerEl = document.createElement('div');
	constructor(
		readonly app: HostApp,
		readonly plugin: unknown,
	) {}
	abstract display(): void;
	hide(): void {
		this.containerEl.empty();
	}
}
