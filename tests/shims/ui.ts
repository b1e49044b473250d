/** Shim modals, menus, notices and settings (see obsidian.ts). */
import { Component, notImplemented } from './base';
import { FakeElement } from './dom';
import { Platform, type App, type Plugin } from './obsidian';

// ---------------------------------------------------------------- keys, modals, notices

export type Modifier = 'Mod' | 'Ctrl' | 'Meta' | 'Shift' | 'Alt';
export interface KeymapEventHandler {
	scope: Scope;
	modifiers: string;
	key: string | null;
	func: (evt: unknown, ctx: unknown) => unknown;
}

export class Scope {
	handlers: KeymapEventHandler[] = [];
	constructor(readonly parent?: Scope) {}
	register(modifiers: Modifier[] | null, key: string | null, func: KeymapEventHandler['func']): KeymapEventHandler {
		const handler = { scope: this, modifiers: [...(modifiers ?? [])].sort().join(','), key, func };
		this.handlers.push(handler);
		return handler;
	}
	unregister(handler: KeymapEventHandler): void { this.handlers = this.handlers.filter((h) => h !== handler); }
	/**
	 * shim: presses a key; the newest matching handler wins, and `false` stops. The event carries
	 * what a browser KeyboardEvent has: Mod is Ctrl, or Cmd (metaKey) on macOS, as Obsidian's docs
	 * say for `Modifier`. Belief (not documented): the newest handler wins; the plugin must not
	 * rely on it (it decides from the event it gets, whichever handler ran).
	 */
	press(modifiers: Modifier[], key: string, init: { isComposing?: boolean } = {}): boolean {
		const mods = [...modifiers].sort().join(',');
		const handler = [...this.handlers].reverse().find((h) => h.modifiers === mods && h.key === key);
		if (!handler) return this.parent?.press(modifiers, key, init) ?? false;
		handler.func(keyEvent(modifiers, key, init), { key, modifiers: mods });
		return true;
	}
}

/** shim: a KeyboardEvent-like object for `modifiers` + `key`. */
export function keyEvent(modifiers: Modifier[], key: string, init: { isComposing?: boolean } = {}): Record<string, unknown> {
	const mod = modifiers.includes('Mod');
	return {
		type: 'keydown',
		key,
		ctrlKey: modifiers.includes('Ctrl') || (mod && !Platform.isMacOS),
		metaKey: modifiers.includes('Meta') || (mod && Platform.isMacOS),
		altKey: modifiers.includes('Alt'),
		shiftKey: modifiers.includes('Shift'),
		isComposing: init.isComposing ?? false,
		preventDefault: () => undefined,
	};
}

/**
 * `Keymap.isModEvent` as obsidian.d.ts documents it: 'tab' for Cmd/Ctrl or a middle click,
 * 'split' for Cmd/Ctrl+Alt, 'window' for Cmd/Ctrl+Alt+Shift, else false.
 */
export const Keymap = {
	isModEvent(evt?: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean; button?: number } | null): 'tab' | 'split' | 'window' | boolean {
		if (!evt) return false;
		const mod = Platform.isMacOS ? evt.metaKey === true : evt.ctrlKey === true;
		if (mod && evt.altKey && evt.shiftKey) return 'window';
		if (mod && evt.altKey) return 'split';
		if (mod) return 'tab';
		if (evt.button === 1) return 'tab'; // a middle click
		return false;
	},
};

export class Modal {
	scope: Scope;
	containerEl = new FakeElement('div', 'modal-container');
	modalEl: FakeElement;
	titleEl: FakeElement;
	contentEl: FakeElement;
	shouldRestoreSelection = true;
	constructor(readonly app: App) {
		this.scope = new Scope(app.scope);
		this.modalEl = this.containerEl.createDiv({ cls: 'modal' });
		this.titleEl = this.modalEl.createDiv({ cls: 'modal-title' });
		this.contentEl = this.modalEl.createDiv({ cls: 'modal-content' });
		this.scope.register([], 'Escape', () => this.close());
	}
	open(): void {
		this.app.openModals.push(this);
		void this.onOpen();
	}
	close(): void {
		if (!this.app.openModals.includes(this)) return;
		this.app.openModals = this.app.openModals.filter((m) => m !== this);
		this.onClose();
	}
	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}
	onOpen(): void | Promise<void> {}
	onClose(): void {}
}

export interface Instruction {
	command: string;
	purpose: string;
}

export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = 'No results found.';
	inputEl: FakeElement;
	resultContainerEl: FakeElement;
	/** shim: what setInstructions / setPlaceholder recorded, and the rendered rows. */
	instructions: Instruction[] = [];
	values: T[] = [];
	selectedItem = 0;
	private queryToken = 0;
	constructor(app: App) {
		super(app);
		this.inputEl = this.modalEl.createEl('input', { cls: 'prompt-input' });
		this.resultContainerEl = this.modalEl.createDiv({ cls: 'prompt-results' });
		this.inputEl.addEventListener('input', () => void this.updateSuggestions());
		this.scope.register([], 'Enter', (evt) => this.selectActiveSuggestion(evt));
	}
	setPlaceholder(placeholder: string): void { this.inputEl.setAttr('placeholder', placeholder); }
	setInstructions(instructions: Instruction[]): void { this.instructions = instructions; }
	open(): void {
		super.open();
		void this.updateSuggestions();
	}
	/** shim: what typing does: the newest query's answer is rendered, older answers are dropped. */
	async setQuery(query: string): Promise<void> {
		this.inputEl.value = query;
		await this.updateSuggestions();
	}
	private async updateSuggestions(): Promise<void> {
		const token = ++this.queryToken;
		const values = await this.getSuggestions(this.inputEl.value);
		if (token !== this.queryToken) return;
		this.values = values.slice(0, this.limit);
		this.selectedItem = 0;
		this.resultContainerEl.empty();
		if (this.values.length === 0) this.onNoSuggestion();
		for (const value of this.values) this.renderSuggestion(value, this.resultContainerEl.createDiv({ cls: 'suggestion-item' }));
	}
	onNoSuggestion(): void { this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText }); }
	selectSuggestion(value: T, evt: unknown): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}
	selectActiveSuggestion(evt: unknown): void {
		const value = this.values[this.selectedItem];
		if (value !== undefined) this.selectSuggestion(value, evt);
	}
	/** shim: a click on the rendered row `index` (a MouseEvent with these modifier keys). */
	clickSuggestion(index: number, init: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; button?: number } = {}): void {
		const value = this.values[index];
		if (value === undefined) throw new Error(`no suggestion ${index} in ${this.values.length}`);
		this.selectSuggestion(value, { type: 'click', button: 0, ...init });
	}
	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: FakeElement): void;
	abstract onChooseSuggestion(item: T, evt: unknown): void;
}

export class Notice {
	/** shim: every notice shown, oldest first. */
	static shown: Notice[] = [];
	noticeEl = new FakeElement('div', 'notice');
	messageEl = this.noticeEl.createDiv({ cls: 'notice-message' });
	hidden = false;
	constructor(
		message: string,
		readonly duration?: number,
	) {
		this.messageEl.setText(message);
		Notice.shown.push(this);
	}
	get message(): string { return this.messageEl.getText(); }
	setMessage(message: string): this {
		this.messageEl.setText(message);
		return this;
	}
	hide(): void { this.hidden = true; }
}

export class Menu extends Component {
	/** shim: the last menu shown, so a test can click its items. */
	static lastShown: Menu | null = null;
	items: MenuItem[] = [];
	addItem(cb: (item: MenuItem) => unknown): this {
		const item = new MenuItem();
		cb(item);
		this.items.push(item);
		return this;
	}
	addSeparator(): this { return this; }
	showAtMouseEvent(): this {
		Menu.lastShown = this;
		return this;
	}
	showAtPosition(): this { return this.showAtMouseEvent(); }
	hide(): this {
		if (Menu.lastShown === this) Menu.lastShown = null;
		return this;
	}
	close(): void { this.hide(); }
	/** shim: clicks the item with this title. */
	click(title: string): void {
		const item = this.items.find((i) => i.title === title);
		if (!item) throw new Error(`no menu item "${title}" in [${this.items.map((i) => i.title).join(', ')}]`);
		this.hide();
		item.callback?.({});
	}
}

export class MenuItem {
	title = '';
	icon: string | null = null;
	callback?: (evt: unknown) => unknown;
	setTitle(title: string): this {
		this.title = title;
		return this;
	}
	setIcon(icon: string | null): this {
		this.icon = icon;
		return this;
	}
	setChecked(): this { return this; }
	setDisabled(): this { return this; }
	onClick(cb: (evt: unknown) => unknown): this {
		this.callback = cb;
		return this;
	}
}

// ---------------------------------------------------------------- settings

export class BaseComponent {
	disabled = false;
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export class ValueComponent<T> extends BaseComponent {
	protected value!: T;
	private changeCb?: (value: T) => unknown;
	getValue(): T { return this.value; }
	/** Like Obsidian: setting the value programmatically does not fire onChange. */
	setValue(value: T): this {
		this.value = value;
		return this;
	}
	onChange(cb: (value: T) => unknown): this {
		this.changeCb = cb;
		return this;
	}
	/** shim: what a user edit does: set the value, then fire onChange. */
	async userChange(value: T): Promise<void> {
		this.value = value;
		await this.changeCb?.(value);
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	tooltip = '';
	setTooltip(tooltip: string): this {
		this.tooltip = tooltip;
		return this;
	}
}
/**
 * Like Obsidian's: the value lives in `inputEl`, onChange fires on every `input` event (each
 * keystroke), and the element's own `change` event fires only when the field loses focus after an
 * edit (or on Enter), as browsers do.
 */
export class TextComponent extends ValueComponent<string> {
	placeholder = '';
	inputEl = new FakeElement('input');
	setPlaceholder(placeholder: string): this {
		this.placeholder = placeholder;
		return this;
	}
	getValue(): string { return this.inputEl.value; }
	setValue(value: string): this {
		this.inputEl.value = value;
		return super.setValue(value);
	}
	/** shim: one keystroke's worth of typing, leaving the field `value`. */
	async userChange(value: string): Promise<void> {
		this.inputEl.value = value;
		this.inputEl.dispatch('input');
		await super.userChange(value);
	}
	/** shim: the user leaves the field (or presses Enter) after editing it. */
	commit(): void { this.inputEl.dispatch('change'); }
}
export class TextAreaComponent extends TextComponent {}
export class DropdownComponent extends ValueComponent<string> {
	options = new Map<string, string>();
	addOption(value: string, display: string): this {
		this.options.set(value, display);
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [v, d] of Object.entries(options)) this.addOption(v, d);
		return this;
	}
}
export class SliderComponent extends ValueComponent<number> {
	limits: [number, number, number | 'any'] = [0, 100, 1];
	setLimits(min: number, max: number, step: number | 'any'): this {
		this.limits = [min, max, step];
		return this;
	}
	setDynamicTooltip(): this { return this; }
}
export class ButtonComponent extends BaseComponent {
	buttonText = '';
	private clickCb?: (evt: unknown) => unknown;
	setButtonText(text: string): this {
		this.buttonText = text;
		return this;
	}
	setCta(): this { return this; }
	setWarning(): this { return this; }
	setTooltip(): this { return this; }
	setIcon(): this { return this; }
	onClick(cb: (evt: unknown) => unknown): this {
		this.clickCb = cb;
		return this;
	}
	/** shim: a user click. */
	async click(): Promise<void> { await this.clickCb?.({}); }
}
export class ExtraButtonComponent extends ButtonComponent {}

export class Setting {
	settingEl: FakeElement;
	infoEl: FakeElement;
	nameEl: FakeElement;
	descEl: FakeElement;
	controlEl: FakeElement;
	components: BaseComponent[] = [];
	isHeading = false;
	constructor(containerEl: FakeElement) {
		this.settingEl = containerEl.createDiv({ cls: 'setting-item' });
		this.infoEl = this.settingEl.createDiv({ cls: 'setting-item-info' });
		this.nameEl = this.infoEl.createDiv({ cls: 'setting-item-name' });
		this.descEl = this.infoEl.createDiv({ cls: 'setting-item-description' });
		this.controlEl = this.settingEl.createDiv({ cls: 'setting-item-control' });
		this.settingEl.setting = this;
	}
	setName(name: string): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string): this {
		this.descEl.setText(desc);
		return this;
	}
	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}
	setHeading(): this {
		this.isHeading = true;
		this.settingEl.addClass('setting-item-heading');
		return this;
	}
	setDisabled(disabled: boolean): this {
		for (const c of this.components) c.setDisabled(disabled);
		return this;
	}
	private add<C extends BaseComponent>(component: C, cb: (c: C) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}
	addToggle(cb: (c: ToggleComponent) => unknown): this { return this.add(new ToggleComponent(), cb); }
	addText(cb: (c: TextComponent) => unknown): this { return this.add(new TextComponent(), cb); }
	addTextArea(cb: (c: TextAreaComponent) => unknown): this { return this.add(new TextAreaComponent(), cb); }
	addDropdown(cb: (c: DropdownComponent) => unknown): this { return this.add(new DropdownComponent(), cb); }
	addSlider(cb: (c: SliderComponent) => unknown): this { return this.add(new SliderComponent(), cb); }
	addButton(cb: (c: ButtonComponent) => unknown): this { return this.add(new ButtonComponent(), cb); }
	addExtraButton(cb: (c: ExtraButtonComponent) => unknown): this { return this.add(new ExtraButtonComponent(), cb); }
	then(cb: (s: this) => unknown): this {
		cb(this);
		return this;
	}
	clear(): this {
		this.components = [];
		this.controlEl.empty();
		return this;
	}
	addSearch(): this { return notImplemented('Setting.addSearch'); }
	addColorPicker(): this { return notImplemented('Setting.addColorPicker'); }
	addMomentFormat(): this { return notImplemented('Setting.addMomentFormat'); }
}

export abstract class PluginSettingTab {
	containerEl = new FakeElement('div', 'vertical-tab-content');
	constructor(
		readonly app: App,
		readonly plugin: Plugin,
	) {}
	abstract display(): void;
	hide(): void {}
	/**
	 * shim: what Obsidian 1.13+ does with a tab's `getSettingDefinitions()` instead of calling
	 * display(): a heading per group, then per item a Setting with its name and description that
	 * the item's `render` fills in. Belief, not in the 1.8.7 typings: the shape is taken from
	 * docs.obsidian.md "Migrate to declarative settings" and plugins that adopted it.
	 */
	renderDefinitions(): void {
		const tab = this as unknown as { getSettingDefinitions?: () => { type: 'group'; heading: string; items: { name: string; desc?: string; render(s: Setting): void }[] }[] };
		if (!tab.getSettingDefinitions) return notImplemented('a tab without getSettingDefinitions() in Obsidian 1.13');
		this.containerEl.empty();
		for (const group of tab.getSettingDefinitions()) {
			new Setting(this.containerEl).setName(group.heading).setHeading();
			for (const item of group.items) {
				const setting = new Setting(this.containerEl).setName(item.name);
				if (item.desc !== undefined) setting.setDesc(item.desc);
				item.render(setting);
			}
		}
	}
	/** shim: every Setting rendered in the tab, in order. */
	settings(): Setting[] { return this.containerEl.findAll((el) => el.setting !== undefined).map((el) => el.setting as Setting); }
	/** shim: the setting with this exact name. */
	setting(name: string): Setting {
		const found = this.settings().find((s) => s.nameEl.getText() === name);
		if (!found) throw new Error(`no setting named "${name}" in [${this.settings().map((s) => s.nameEl.getText()).join(', ')}]`);
		return found;
	}
}

// ---------------------------------------------------------------- not in the shim

/** Parts of Obsidian the plugin does not use: reaching one in a test fails loudly. */
export class MarkdownRenderer {
	static render(): Promise<void> {
		return notImplemented('MarkdownRenderer.render');
	}
}
export class FuzzySuggestModal {
	constructor() {
		notImplemented('FuzzySuggestModal');
	}
}
export class AbstractInputSuggest {
	constructor() {
		notImplemented('AbstractInputSuggest');
	}
}
