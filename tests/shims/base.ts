/** Shim core: events, files and the component lifecycle (see obsidian.ts). */
import type { FakeElement } from './dom';
import type { Vault } from './vault';

export function notImplemented(what: string): never {
	throw new Error(`not implemented in shim: ${what}`);
}

/** shim: onload promises of components being loaded, awaited by startApp. */
export const shimState = { pendingLoads: [] as Promise<void>[] };

// ---------------------------------------------------------------- events

export interface EventRef {
	e: Events;
	name: string;
	fn: (...data: unknown[]) => unknown;
	ctx?: unknown;
}

export class Events {
	private handlers = new Map<string, EventRef[]>();
	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: callback as (...data: unknown[]) => unknown, ctx };
		this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
		return ref;
	}
	off(name: string, callback: (...data: never[]) => unknown): void {
		const list = this.handlers.get(name) ?? [];
		this.handlers.set(name, list.filter((r) => r.fn !== callback));
	}
	offref(ref: EventRef): void {
		const list = this.handlers.get(ref.name) ?? [];
		this.handlers.set(ref.name, list.filter((r) => r !== ref));
	}
	trigger(name: string, ...data: unknown[]): void {
		// A snapshot, like Obsidian: handlers added or removed while triggering take effect next time.
		for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
	}
	tryTrigger(evt: EventRef, args: unknown[]): void {
		try {
			evt.fn.apply(evt.ctx, args);
		} catch (e) {
			console.error(e); // Obsidian logs a throwing handler and carries on with the others.
		}
	}
	/** shim: number of live handlers, to assert that unload left none behind. */
	listenerCount(name?: string): number {
		let n = 0;
		for (const [key, list] of this.handlers) if (name === undefined || key === name) n += list.length;
		return n;
	}
}

// ---------------------------------------------------------------- files

export interface FileStats {
	ctime: number;
	mtime: number;
	size: number;
}

export abstract class TAbstractFile {
	vault!: Vault;
	path = '';
	name = '';
	parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
	stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = '';
	extension = '';
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean { return this.path === '/'; }
}

export function normalizePath(path: string): string {
	const cleaned = path
		.replace(/[\\/\u00A0\u202F]+/g, (m) => (/[\\/]/.test(m) ? '/' : ' '))
		.replace(/^\/+|\/+$/g, '');
	return cleaned === '' ? '/' : cleaned.normalize('NFC');
}


// ---------------------------------------------------------------- components

export class Component {
	private loaded = false;
	private children: Component[] = [];
	private cleanups: (() => unknown)[] = [];
	onload(): void | Promise<void> {}
	onunload(): void {}
	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		const result = this.onload();
		if (result instanceof Promise) shimState.pendingLoads.push(result);
		for (const child of this.children) child.load();
	}
	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		while (this.children.length) this.children.pop()?.unload();
		while (this.cleanups.length) this.cleanups.pop()?.();
		this.onunload();
	}
	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) child.load();
		return child;
	}
	removeChild<T extends Component>(child: T): T {
		this.children = this.children.filter((c) => c !== child);
		child.unload();
		return child;
	}
	register(cb: () => unknown): void { this.cleanups.push(cb); }
	registerEvent(ref: EventRef): void { this.register(() => ref.e.offref(ref)); }
	registerDomEvent(el: FakeElement, type: string, cb: (evt: unknown) => unknown): void {
		el.addEventListener(type, cb);
		this.register(() => el.removeEventListener(type, cb));
	}
	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}
	/** shim: whether load() ran and unload() has not. */
	get isLoaded(): boolean { return this.loaded; }
	/** shim: callbacks still registered (0 after unload). */
	get pendingCleanups(): number { return this.cleanups.length; }
}
