/**
 * The `obsidian` module's plain classes for the e2e page (events, components, files): the parts of
 * Obsidian's API the plugin's main.js calls, over the real DOM. What the plugin does not use is
 * left out, so a new call fails loudly instead of silently doing nothing.
 */

export interface EventRef {
	source: Events;
	name: string;
	callback: (...args: never[]) => unknown;
}

export class Events {
	private readonly handlers = new Map<string, Set<EventRef>>();

	on(name: string, callback: (...args: never[]) => unknown): EventRef {
		const ref = { source: this, name, callback };
		let set = this.handlers.get(name);
		if (!set) this.handlers.set(name, (set = new Set()));
		set.add(ref);
		return ref;
	}

	offref(ref: EventRef): void {
		this.handlers.get(ref.name)?.delete(ref);
	}

	trigger(name: string, ...args: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) (ref.callback as (...a: unknown[]) => unknown)(...args);
	}
}

/** Obsidian's lifecycle base: children and registered cleanups run on unload, last registered first. */
export class Component {
	private readonly cleanups: (() => unknown)[] = [];
	private readonly children: Component[] = [];
	private loaded = false;

	/** Obsidian awaits a plugin's async onload before it counts as loaded. */
	async load(): Promise<void> {
		if (this.loaded) return;
		this.loaded = true;
		await this.onload();
		for (const child of this.children) await child.load();
	}

	onload(): void | Promise<void> {
		// overridden
	}

	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		for (const child of this.children.splice(0)) child.unload();
		for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}

	onunload(): void {
		// overridden
	}

	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) void child.load();
		return child;
	}

	register(cleanup: () => unknown): void {
		this.cleanups.push(cleanup);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => ref.source.offref(ref));
	}

	registerDomEvent(el: HTMLElement | Window | Document, type: string, callback: (evt: never) => unknown): void {
		const listener = callback as unknown as EventListener;
		el.addEventListener(type, listener);
		this.register(() => el.removeEventListener(type, listener));
	}

	registerInterval(id: number): number {
		this.register(() => window.clearInterval(id));
		return id;
	}
}

export abstract class TAbstractFile {
	path = '';
	name = '';
}

export interface FileStats {
	ctime: number;
	mtime: number;
	size: number;
}

export class TFile extends TAbstractFile {
	stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = '';
	extension = '';
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
}

export function normalizePath(path: string): string {
	return path.replace(/[\\/]+/g, '/').replace(/^\/|\/$/g, '') || '/';
}

export const Platform = { isDesktop: true, isDesktopApp: true, isMobile: false, isMobileApp: false, isMacOS: false, isWin: false, isLinux: true };

/** The page is offline by design: the plugin must not download anything here. */
export function requestUrl(request: { url: string } | string): Promise<never> {
	const url = typeof request === 'string' ? request : request.url;
	return Promise.reject(new Error(`requestUrl is disabled in the e2e host (asked for ${url})`));
}
