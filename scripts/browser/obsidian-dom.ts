/**
 * The DOM helpers Obsidian adds to HTMLElement (createEl/createDiv/createSpan, addClass,
 * removeClass, hasClass, toggleClass, setAttr, detach, empty, setText), installed on the real prototype so the
 * plugin's main.js renders into the e2e page exactly the markup and classes it renders in Obsidian.
 */
interface Info {
	cls?: string | string[];
	text?: string;
	attr?: Record<string, string | number | boolean | null>;
	/** DomElementInfo's shorthands for common attributes, as Obsidian sets them. */
	type?: string;
	placeholder?: string;
	title?: string;
}

function createEl(this: HTMLElement, tag: string, o?: Info | string, callback?: (el: HTMLElement) => void): HTMLElement {
	const info: Info = typeof o === 'string' ? { cls: o } : (o ?? {});
	// This IS createEl (the page has no Obsidian), so it creates the element itself.
	const el = this.ownerDocument.createElement(tag);
	const classes = typeof info.cls === 'string' ? info.cls.split(' ') : (info.cls ?? []);
	for (const c of classes) if (c) el.classList.add(c);
	if (info.text !== undefined) el.textContent = info.text;
	for (const [k, v] of Object.entries(info.attr ?? {})) if (v !== null && v !== false) el.setAttribute(k, String(v));
	for (const k of ['type', 'placeholder', 'title'] as const) if (info[k] !== undefined) el.setAttribute(k, info[k]);
	this.appendChild(el);
	callback?.(el);
	return el;
}

export function installObsidianDom(): void {
	const helpers: Record<string, unknown> = {
		createEl,
		createDiv(this: HTMLElement, o?: Info | string, cb?: (el: HTMLElement) => void) {
			return createEl.call(this, 'div', o, cb);
		},
		createSpan(this: HTMLElement, o?: Info | string, cb?: (el: HTMLElement) => void) {
			return createEl.call(this, 'span', o, cb);
		},
		addClass(this: HTMLElement, ...classes: string[]) {
			this.classList.add(...classes);
		},
		removeClass(this: HTMLElement, ...classes: string[]) {
			this.classList.remove(...classes);
		},
		hasClass(this: HTMLElement, cls: string) {
			return this.classList.contains(cls);
		},
		toggleClass(this: HTMLElement, classes: string | string[], value: boolean) {
			for (const c of typeof classes === 'string' ? [classes] : classes) this.classList.toggle(c, value);
		},
		setAttr(this: HTMLElement, name: string, value: string | number | boolean | null) {
			if (value === null || value === false) this.removeAttribute(name);
			else this.setAttribute(name, String(value));
		},
		detach(this: HTMLElement) {
			this.remove();
		},
		empty(this: HTMLElement) {
			this.replaceChildren();
		},
		setText(this: HTMLElement, text: string) {
			this.textContent = text;
		},
	};
	Object.assign(HTMLElement.prototype, helpers);
}
