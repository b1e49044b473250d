/**
 * A minimal element tree with Obsidian's DOM helpers (createEl, setText, addClass…), because no
 * DOM implementation (happy-dom, jsdom) is installed. It keeps what tests assert on: tag, classes,
 * attributes, text, children, listeners. Text is plain data, so nothing here can parse HTML.
 */
export interface DomElementInfo {
	cls?: string | string[];
	text?: string;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	value?: string;
	type?: string;
	placeholder?: string;
	href?: string;
	prepend?: boolean;
}

type Listener = (evt: unknown) => unknown;

/** An element's own text as the DOM's Text node: code may change its `data` in place. */
export class FakeText {
	readonly nodeType = 3;
	constructor(private readonly owner: { ownText: string }) {}
	get data(): string {
		return this.owner.ownText;
	}
	set data(text: string) {
		this.owner.ownText = text;
	}
}

export class FakeElement {
	children: FakeElement[] = [];
	parentElement: FakeElement | null = null;
	private classes = new Set<string>();
	private attrs = new Map<string, string>();
	/** Text set with setText or `text:` (the DOM's Text node before any child element). */
	ownText = '';
	private textNode: FakeText | null = null;
	private listeners = new Map<string, Listener[]>();
	value = '';
	draggable = false;
	/** Where a scrollable element is scrolled to; nothing here lays out, so only code sets it. */
	scrollTop = 0;
	/** Set by the shim's Setting so a settings tab can be searched by name. */
	setting?: unknown;

	constructor(
		readonly tagName: string,
		cls?: string,
	) {
		if (cls) this.addClass(cls);
	}

	createEl(tag: string, o?: DomElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		const info: DomElementInfo = typeof o === 'string' ? { cls: o } : (o ?? {});
		const el = new FakeElement(tag);
		for (const c of typeof info.cls === 'string' ? info.cls.split(' ') : (info.cls ?? [])) if (c) el.addClass(c);
		if (info.text !== undefined) el.setText(info.text);
		for (const [k, v] of Object.entries(info.attr ?? {})) if (v !== null && v !== false) el.setAttr(k, v);
		if (info.title !== undefined) el.setAttr('title', info.title);
		if (info.type !== undefined) el.setAttr('type', info.type);
		if (info.placeholder !== undefined) el.setAttr('placeholder', info.placeholder);
		if (info.href !== undefined) el.setAttr('href', info.href);
		if (info.value !== undefined) el.value = info.value;
		el.parentElement = this;
		if (info.prepend) this.children.unshift(el);
		else this.children.push(el);
		callback?.(el);
		return el;
	}
	createDiv(o?: DomElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		return this.createEl('div', o, callback);
	}
	createSpan(o?: DomElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		return this.createEl('span', o, callback);
	}
	appendChild(el: FakeElement): FakeElement {
		el.detach();
		el.parentElement = this;
		this.children.push(el);
		return el;
	}
	empty(): void {
		for (const c of this.children) c.parentElement = null;
		this.children = [];
		this.ownText = '';
	}
	detach(): void {
		if (this.parentElement) this.parentElement.children = this.parentElement.children.filter((c) => c !== this);
		this.parentElement = null;
	}
	remove(): void {
		this.detach();
	}
	setText(text: string): void {
		this.children = [];
		this.ownText = text;
	}
	/** The own text as a Text node (one object per element, as the DOM keeps its node), else the first child element. */
	get firstChild(): FakeText | FakeElement | null {
		if (this.ownText === '') return this.children[0] ?? null;
		this.textNode ??= new FakeText(this);
		return this.textNode;
	}
	get lastChild(): FakeText | FakeElement | null {
		return this.children.at(-1) ?? (this.ownText === '' ? null : this.firstChild);
	}
	getText(): string {
		return this.ownText + this.children.map((c) => c.getText()).join('');
	}
	get textContent(): string {
		return this.getText();
	}
	addClass(...classes: string[]): void {
		for (const c of classes) this.classes.add(c);
	}
	addClasses(classes: string[]): void {
		this.addClass(...classes);
	}
	removeClass(...classes: string[]): void {
		for (const c of classes) this.classes.delete(c);
	}
	toggleClass(classes: string | string[], value: boolean): void {
		for (const c of typeof classes === 'string' ? [classes] : classes) {
			if (value) this.classes.add(c);
			else this.classes.delete(c);
		}
	}
	hasClass(cls: string): boolean {
		return this.classes.has(cls);
	}
	get className(): string {
		return [...this.classes].join(' ');
	}
	setAttr(name: string, value: string | number | boolean | null): void {
		if (value === null) this.attrs.delete(name);
		else this.attrs.set(name, String(value));
	}
	setAttrs(attrs: Record<string, string | number | boolean | null>): void {
		for (const [k, v] of Object.entries(attrs)) this.setAttr(k, v);
	}
	getAttr(name: string): string | null {
		return this.attrs.get(name) ?? null;
	}
	setAttribute(name: string, value: string): void {
		this.setAttr(name, value);
	}
	getAttribute(name: string): string | null {
		return this.getAttr(name);
	}
	removeAttribute(name: string): void {
		this.attrs.delete(name);
	}
	show(): void {
		this.removeClass('sns-shim-hidden');
	}
	hide(): void {
		this.addClass('sns-shim-hidden');
	}
	isShown(): boolean {
		return !this.hasClass('sns-shim-hidden');
	}
	toggle(show: boolean): void {
		if (show) this.show();
		else this.hide();
	}
	focus(): void {}
	addEventListener(type: string, listener: Listener): void {
		this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
	}
	removeEventListener(type: string, listener: Listener): void {
		this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l !== listener));
	}
	/** Test helper: fires `type` at this element and bubbles it up, like a real event. */
	dispatch(type: string, evt: Record<string, unknown> = {}): Record<string, unknown> {
		const event: Record<string, unknown> = { type, target: this, defaultPrevented: false, ...evt };
		event.preventDefault = () => {
			event.defaultPrevented = true;
		};
		const path: FakeElement[] = [];
		for (let el = this.parentElement; el; el = el.parentElement) path.push(el);
		for (const el of [this as FakeElement, ...path]) {
			for (const l of [...(el.listeners.get(type) ?? [])]) l(event);
		}
		return event;
	}
	listenerCount(): number {
		let n = 0;
		for (const list of this.listeners.values()) n += list.length;
		return n + this.children.reduce((s, c) => s + c.listenerCount(), 0);
	}
	/** Test helper: every descendant matching `pred`, depth first. */
	findAll(pred: (el: FakeElement) => boolean): FakeElement[] {
		const out: FakeElement[] = [];
		for (const c of this.children) {
			if (pred(c)) out.push(c);
			out.push(...c.findAll(pred));
		}
		return out;
	}
	/**
	 * The first descendant, depth first, matching a selector of one class (`.cm-sizer`), as the
	 * browser's. Other selectors fail loudly: a selector the shim cannot match must not return null.
	 */
	querySelector(selector: string): FakeElement | null {
		const m = /^\.([\w-]+)$/.exec(selector);
		if (!m) throw new Error(`not implemented in shim: querySelector("${selector}") (only ".class")`);
		return this.findAll((el) => el.hasClass(m[1]))[0] ?? null;
	}
	/** Test helper: descendants with this class. */
	byClass(cls: string): FakeElement[] {
		return this.findAll((el) => el.hasClass(cls));
	}
}
