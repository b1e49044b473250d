/**
 * The `obsidian` module in tests (aliased in vitest.config.ts). Obsidian is a closed app, so this
 * re-implements, in memory, the part of its API the plugin uses, with the same event order and
 * lifecycle rules (e.g. `create` for every file before layout ready, no metadata `changed` on
 * rename, Component.unload running every registered callback). UI the plugin could reach but a
 * test did not prepare throws "not implemented in shim" instead of pretending.
 * Test-only helpers are marked `shim:`; the plugin must never call them.
 */
import { FakeElement, type DomElementInfo } from './dom';

export { FakeElement } from './dom';

// Obsidian code uses `window.setTimeout` (popout-window safe); Node has no `window`.
const globals = globalThis as { window?: unknown };
globals.window ??= globalThis;

function notImplemented(what: string): never {
	throw new Error(`not implemented in shim: ${what}`);
}

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
	isRoot(): boolean {
		return this.path === '/';
	}
}

export function normalizePath(path: string): string {
	const cleaned = path
		.replace(/[\\/\u00A0\u202F]+/g, (m) => (/[\\/]/.test(m) ? '/' : ' '))
		.replace(/^\/+|\/+$/g, '');
	return cleaned === '' ? '/' : cleaned.normalize('NFC');
}

function setPath(file: TAbstractFile, path: string): void {
	file.path = path;
	file.name = path.split('/').pop() ?? path;
	if (file instanceof TFile) {
		const dot = file.name.lastIndexOf('.');
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1) : '';
	}
}

// ---------------------------------------------------------------- vault

/** shim: the in-memory DataAdapter for files outside the vault index (plugin data, model cache). */
export class FakeAdapter {
	files = new Map<string, string | ArrayBuffer>();
	exists(path: string): Promise<boolean> {
		return Promise.resolve([...this.files.keys()].some((p) => p === path || p.startsWith(`${path}/`)));
	}
	read(path: string): Promise<string> {
		const v = this.files.get(path);
		return typeof v === 'string' ? Promise.resolve(v) : Promise.reject(new Error(`ENOENT: ${path}`));
	}
	write(path: string, data: string): Promise<void> {
		this.files.set(path, data);
		return Promise.resolve();
	}
	readBinary(path: string): Promise<ArrayBuffer> {
		const v = this.files.get(path);
		return v instanceof ArrayBuffer ? Promise.resolve(v) : Promise.reject(new Error(`ENOENT: ${path}`));
	}
	writeBinary(path: string, data: ArrayBuffer): Promise<void> {
		this.files.set(path, data);
		return Promise.resolve();
	}
	mkdir(): Promise<void> {
		return Promise.resolve();
	}
	remove(path: string): Promise<void> {
		this.files.delete(path);
		return Promise.resolve();
	}
	rename(from: string, to: string): Promise<void> {
		const v = this.files.get(from);
		if (v === undefined) return Promise.reject(new Error(`ENOENT: ${from}`));
		if (this.files.has(to)) return Promise.reject(new Error(`EEXIST: ${to}`));
		this.files.delete(from);
		this.files.set(to, v);
		return Promise.resolve();
	}
}

export class Vault extends Events {
	configDir = '.obsidian';
	adapter = new FakeAdapter();
	private root = new TFolder();
	private byPath = new Map<string, TAbstractFile>();
	private contents = new Map<string, string>();
	/** shim: the clock used for mtimes; tests may move it. */
	now = 1_700_000_000_000;

	constructor(private metadata?: MetadataCache) {
		super();
		this.root.vault = this;
		setPath(this.root, '/');
		this.root.name = '';
		this.byPath.set('/', this.root);
	}
	getName(): string {
		return 'Test vault';
	}
	getRoot(): TFolder {
		return this.root;
	}
	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.byPath.get(normalizePath(path)) ?? null;
	}
	getFileByPath(path: string): TFile | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFile ? f : null;
	}
	getFolderByPath(path: string): TFolder | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFolder ? f : null;
	}
	getFiles(): TFile[] {
		return [...this.byPath.values()].filter((f): f is TFile => f instanceof TFile);
	}
	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === 'md');
	}
	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.byPath.values()];
	}

	private folderFor(path: string): TFolder {
		const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '/';
		const existing = this.byPath.get(dir);
		if (existing instanceof TFolder) return existing;
		const folder = new TFolder();
		folder.vault = this;
		setPath(folder, dir);
		folder.parent = this.folderFor(dir);
		folder.parent.children.push(folder);
		this.byPath.set(dir, folder);
		this.trigger('create', folder);
		return folder;
	}

	create(path: string, data: string): Promise<TFile> {
		path = normalizePath(path);
		if (this.byPath.has(path)) return Promise.reject(new Error('File already exists.'));
		const file = new TFile();
		file.vault = this;
		setPath(file, path);
		file.parent = this.folderFor(path);
		file.parent.children.push(file);
		file.stat = { ctime: this.now, mtime: this.now, size: data.length };
		this.byPath.set(path, file);
		this.contents.set(path, data);
		this.trigger('create', file);
		this.metadata?.parse(file, data);
		return Promise.resolve(file);
	}
	read(file: TFile): Promise<string> {
		const text = this.contents.get(file.path);
		return text === undefined ? Promise.reject(new Error(`ENOENT: ${file.path}`)) : Promise.resolve(text);
	}
	cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}
	modify(file: TFile, data: string): Promise<void> {
		if (!this.contents.has(file.path)) return Promise.reject(new Error(`ENOENT: ${file.path}`));
		this.now += 1000;
		this.contents.set(file.path, data);
		file.stat = { ...file.stat, mtime: this.now, size: data.length };
		this.trigger('modify', file);
		this.metadata?.parse(file, data);
		return Promise.resolve();
	}
	delete(file: TAbstractFile): Promise<void> {
		if (file instanceof TFolder) for (const child of [...file.children]) void this.delete(child);
		this.byPath.delete(file.path);
		this.contents.delete(file.path);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.trigger('delete', file);
		if (file instanceof TFile) this.metadata?.trigger('deleted', file);
		return Promise.resolve();
	}
	trash(file: TAbstractFile): Promise<void> {
		return this.delete(file);
	}
	rename(file: TAbstractFile, newPath: string): Promise<void> {
		newPath = normalizePath(newPath);
		if (this.byPath.has(newPath)) return Promise.reject(new Error('Destination file already exists!'));
		const oldPath = file.path;
		const text = this.contents.get(oldPath);
		this.byPath.delete(oldPath);
		this.contents.delete(oldPath);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		setPath(file, newPath);
		file.parent = this.folderFor(newPath);
		file.parent.children.push(file);
		this.byPath.set(newPath, file);
		if (text !== undefined) this.contents.set(newPath, text);
		// Obsidian re-keys the metadata cache on rename but fires no `changed`: content is the same.
		this.trigger('rename', file, oldPath);
		return Promise.resolve();
	}
}

// ---------------------------------------------------------------- metadata

export interface HeadingCache {
	heading: string;
	level: number;
	position: { start: { line: number; col: number; offset: number }; end: { line: number; col: number; offset: number } };
}
export interface CachedMetadata {
	headings?: HeadingCache[];
	frontmatter?: Record<string, unknown>;
}

export class MetadataCache extends Events {
	private cache = new Map<TFile, CachedMetadata>();
	getFileCache(file: TFile): CachedMetadata | null {
		return this.cache.get(file) ?? null;
	}
	getFirstLinkpathDest(linkpath: string): TFile | null {
		const files = [...this.cache.keys()];
		return files.find((f) => f.path === linkpath || f.path === `${linkpath}.md` || f.basename === linkpath) ?? null;
	}
	fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
		const unique = [...this.cache.keys()].filter((f) => f.basename === file.basename).length <= 1;
		const text = unique ? file.name : file.path;
		return omitMdExtension && file.extension === 'md' ? text.slice(0, -3) : text;
	}
	/** shim: Obsidian parses asynchronously after the write, then fires `changed`. */
	parse(file: TFile, text: string): void {
		const headings: HeadingCache[] = [];
		const frontmatter: Record<string, unknown> = {};
		let offset = 0;
		text.split('\n').forEach((line, i) => {
			const m = /^(#{1,6})\s+(.*)$/.exec(line);
			if (m) {
				const pos = (col: number) => ({ line: i, col, offset: offset + col });
				headings.push({ heading: m[2].trim(), level: m[1].length, position: { start: pos(0), end: pos(line.length) } });
			}
			offset += line.length + 1;
		});
		const fm = /^---\n([\s\S]*?)\n---/.exec(text);
		for (const line of fm?.[1].split('\n') ?? []) {
			const kv = /^(\w[\w-]*):\s*(.*)$/.exec(line);
			if (kv) frontmatter[kv[1]] = kv[2];
		}
		const data: CachedMetadata = { headings: headings.length ? headings : undefined, frontmatter: fm ? frontmatter : undefined };
		this.cache.set(file, data);
		queueMicrotask(() => {
			if (file.vault.getFileByPath(file.path) === file) this.trigger('changed', file, text, data);
		});
	}
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
	register(cb: () => unknown): void {
		this.cleanups.push(cb);
	}
	registerEvent(ref: EventRef): void {
		this.register(() => ref.e.offref(ref));
	}
	registerDomEvent(el: FakeElement, type: string, cb: (evt: unknown) => unknown): void {
		el.addEventListener(type, cb);
		this.register(() => el.removeEventListener(type, cb));
	}
	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}
	/** shim: whether load() ran and unload() has not. */
	get isLoaded(): boolean {
		return this.loaded;
	}
	/** shim: callbacks still registered (0 after unload). */
	get pendingCleanups(): number {
		return this.cleanups.length;
	}
}

const shimState = { pendingLoads: [] as Promise<void>[] };

// ---------------------------------------------------------------- editor and views

export interface EditorPosition {
	line: number;
	ch: number;
}

export class Editor {
	private text = '';
	private cursor: EditorPosition = { line: 0, ch: 0 };
	/** shim: the last range scrolled into view. */
	scrolledTo: { from: EditorPosition; to: EditorPosition } | null = null;
	getValue(): string {
		return this.text;
	}
	setValue(text: string): void {
		this.text = text;
	}
	offsetToPos(offset: number): EditorPosition {
		const before = this.text.slice(0, Math.max(0, Math.min(offset, this.text.length))).split('\n');
		return { line: before.length - 1, ch: before[before.length - 1].length };
	}
	posToOffset(pos: EditorPosition): number {
		const lines = this.text.split('\n');
		let offset = 0;
		for (let i = 0; i < pos.line && i < lines.length; i++) offset += lines[i].length + 1;
		return offset + pos.ch;
	}
	getCursor(): EditorPosition {
		return { ...this.cursor };
	}
	setCursor(pos: EditorPosition | number, ch?: number): void {
		this.cursor = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : { ...pos };
	}
	replaceSelection(replacement: string): void {
		const at = this.posToOffset(this.cursor);
		this.text = this.text.slice(0, at) + replacement + this.text.slice(at);
		this.cursor = this.offsetToPos(at + replacement.length);
	}
	scrollIntoView(range: { from: EditorPosition; to: EditorPosition }): void {
		this.scrolledTo = range;
	}
}

export abstract class View extends Component {
	app: App;
	icon = '';
	navigation = false;
	containerEl = new FakeElement('div');
	constructor(readonly leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl.createDiv({ cls: 'view-header' });
		this.containerEl.createDiv({ cls: 'view-content' });
	}
	abstract getViewType(): string;
	abstract getDisplayText(): string;
	getIcon(): string {
		return this.icon;
	}
	getState(): Record<string, unknown> {
		return {};
	}
	setEphemeralState(_state: unknown): void {}
}

export abstract class ItemView extends View {
	contentEl: FakeElement;
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.contentEl = this.containerEl.children[1];
	}
	onOpen(): Promise<void> {
		return Promise.resolve();
	}
	onClose(): Promise<void> {
		return Promise.resolve();
	}
}

export class MarkdownView extends ItemView {
	editor = new Editor();
	file: TFile | null = null;
	/** shim: the ephemeral state the view was opened with (e.g. `{ line }`). */
	eState: Record<string, unknown> | undefined;
	getViewType(): string {
		return 'markdown';
	}
	getDisplayText(): string {
		return this.file?.basename ?? '';
	}
	setEphemeralState(state: Record<string, unknown>): void {
		this.eState = state;
		if (typeof state.line === 'number') this.editor.setCursor({ line: state.line, ch: 0 });
	}
}

export class WorkspaceLeaf extends Events {
	view: View | null = null;
	constructor(
		readonly app: App,
		/** shim: which part of the workspace holds the leaf. */
		readonly side: 'main' | 'right' | 'left',
	) {
		super();
	}
	getViewState(): { type: string } {
		return { type: this.view?.getViewType() ?? 'empty' };
	}
	async setViewState(state: { type: string; active?: boolean }): Promise<void> {
		const factory = this.app.workspace.viewFactories.get(state.type);
		if (!factory) return notImplemented(`view type "${state.type}"`);
		await this.closeView();
		const view = factory(this);
		this.view = view;
		view.load();
		if (view instanceof ItemView) await view.onOpen();
		if (state.active) this.app.workspace.setActiveLeaf(this);
	}
	async openFile(file: TFile, openState?: { eState?: Record<string, unknown>; active?: boolean }): Promise<void> {
		if (!(this.view instanceof MarkdownView)) {
			await this.closeView();
			this.view = new MarkdownView(this);
			this.view.load();
		}
		const view = this.view as MarkdownView;
		view.file = file;
		view.editor.setValue(await this.app.vault.read(file));
		view.editor.setCursor({ line: 0, ch: 0 });
		if (openState?.eState) view.setEphemeralState(openState.eState);
		this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger('file-open', file);
	}
	detach(): void {
		void this.closeView();
		this.app.workspace.leaves = this.app.workspace.leaves.filter((l) => l !== this);
		if (this.app.workspace.activeLeaf === this) this.app.workspace.activeLeaf = null;
	}
	/** onClose starts, then the view unloads at once: detach() is synchronous in Obsidian. */
	private closeView(): Promise<void> {
		const view = this.view;
		this.view = null;
		const closing = view instanceof ItemView && !(view instanceof MarkdownView) ? view.onClose() : Promise.resolve();
		view?.unload();
		return closing;
	}
}

export class Workspace extends Events {
	layoutReady = false;
	leaves: WorkspaceLeaf[] = [];
	activeLeaf: WorkspaceLeaf | null = null;
	private lastFileLeaf: WorkspaceLeaf | null = null;
	viewFactories = new Map<string, (leaf: WorkspaceLeaf) => View>();
	private readyCallbacks: (() => unknown)[] = [];
	constructor(private app: App) {
		super();
	}
	onLayoutReady(cb: () => unknown): void {
		if (this.layoutReady) cb();
		else this.readyCallbacks.push(cb);
	}
	/** shim: what Obsidian does once the vault is loaded and the layout restored. */
	setLayoutReady(): void {
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
		this.trigger('layout-ready');
	}
	/** Like Obsidian: focusing a sidebar keeps the last active note as the active file. */
	getActiveFile(): TFile | null {
		const view = this.activeLeaf?.view;
		if (view instanceof MarkdownView) return view.file;
		const last = this.lastFileLeaf?.view;
		return last instanceof MarkdownView && this.leaves.includes(this.lastFileLeaf as WorkspaceLeaf) ? last.file : null;
	}
	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}
	/** shim: Obsidian's internal setActiveLeaf, which fires `active-leaf-change`. */
	setActiveLeaf(leaf: WorkspaceLeaf): void {
		if (leaf.view instanceof MarkdownView) this.lastFileLeaf = leaf;
		if (this.activeLeaf === leaf) return;
		this.activeLeaf = leaf;
		this.trigger('active-leaf-change', leaf);
	}
	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view?.getViewType() === type);
	}
	private newLeaf(side: WorkspaceLeaf['side']): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, side);
		this.leaves.push(leaf);
		return leaf;
	}
	getLeaf(newLeaf?: boolean | 'tab' | 'split' | 'window'): WorkspaceLeaf {
		const current = this.activeLeaf?.side === 'main' ? this.activeLeaf : this.leaves.find((l) => l.side === 'main');
		return !newLeaf && current ? current : this.newLeaf('main');
	}
	getRightLeaf(_split: boolean): WorkspaceLeaf {
		return this.newLeaf('right');
	}
	getLeftLeaf(_split: boolean): WorkspaceLeaf {
		return this.newLeaf('left');
	}
	revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		leaf.app.workspace.trigger('shim:revealed', leaf);
		return Promise.resolve();
	}
	detachLeavesOfType(type: string): void {
		for (const leaf of this.getLeavesOfType(type)) leaf.detach();
	}
}

// ---------------------------------------------------------------- app, plugin

export class FileManager {
	constructor(private app: App) {}
	generateMarkdownLink(file: TFile, sourcePath: string, subpath = '', alias?: string): string {
		const link = this.app.metadataCache.fileToLinktext(file, sourcePath, true);
		return `[[${link}${subpath}${alias ? `|${alias}` : ''}]]`;
	}
	trashFile(file: TAbstractFile): Promise<void> {
		return this.app.vault.delete(file);
	}
}

export interface Command {
	id: string;
	name: string;
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: Editor, view: MarkdownView) => unknown;
	hotkeys?: unknown[];
}

let appCount = 0;

export class App {
	metadataCache = new MetadataCache();
	vault = new Vault(this.metadataCache);
	workspace = new Workspace(this);
	fileManager = new FileManager(this);
	scope = new Scope();
	/** Unique per app, like a vault's id: each test gets its own IndexedDB database. */
	appId = `shim-app-${++appCount}`;
	/** shim: registries Obsidian keeps privately. */
	commands = new Map<string, Command>();
	settingTabs: PluginSettingTab[] = [];
	ribbon = new FakeElement('div');
	statusBar = new FakeElement('div');
	pluginData = new Map<string, unknown>();
	/** shim: the modals currently open, newest last. */
	openModals: Modal[] = [];

	/** shim: runs a command like the palette would; false when it is unavailable. */
	executeCommandById(id: string): boolean {
		const cmd = this.commands.get(id);
		if (!cmd) return false;
		if (cmd.checkCallback) {
			if (!cmd.checkCallback(true)) return false;
			cmd.checkCallback(false);
			return true;
		}
		if (cmd.editorCallback) {
			const view = this.workspace.getActiveViewOfType(MarkdownView);
			if (!view) return false;
			void cmd.editorCallback(view.editor, view);
			return true;
		}
		void cmd.callback?.();
		return true;
	}
}

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	dir?: string;
	[key: string]: unknown;
}

export abstract class Plugin extends Component {
	constructor(
		readonly app: App,
		readonly manifest: PluginManifest,
	) {
		super();
	}
	addCommand(command: Command): Command {
		const id = `${this.manifest.id}:${command.id}`;
		this.app.commands.set(id, { ...command, id });
		this.register(() => this.app.commands.delete(id));
		return command;
	}
	addRibbonIcon(icon: string, title: string, callback: (evt: unknown) => unknown): FakeElement {
		const el = this.app.ribbon.createDiv({ cls: 'side-dock-ribbon-action', attr: { 'aria-label': title, 'data-icon': icon } });
		el.addEventListener('click', callback);
		this.register(() => el.detach());
		return el;
	}
	addStatusBarItem(): FakeElement {
		const el = this.app.statusBar.createDiv({ cls: 'status-bar-item' });
		this.register(() => el.detach());
		return el;
	}
	addSettingTab(tab: PluginSettingTab): void {
		this.app.settingTabs.push(tab);
		this.register(() => (this.app.settingTabs = this.app.settingTabs.filter((t) => t !== tab)));
	}
	registerView(type: string, factory: (leaf: WorkspaceLeaf) => View): void {
		this.app.workspace.viewFactories.set(type, factory);
		this.register(() => {
			this.app.workspace.detachLeavesOfType(type);
			this.app.workspace.viewFactories.delete(type);
		});
	}
	loadData(): Promise<unknown> {
		return Promise.resolve(structuredClone(this.app.pluginData.get(this.manifest.id) ?? null));
	}
	saveData(data: unknown): Promise<void> {
		this.app.pluginData.set(this.manifest.id, structuredClone(data));
		return Promise.resolve();
	}
}

/** shim: loads a plugin the way Obsidian starts: onload, then `create` for every note, then layout ready. */
export async function startApp(app: App, plugin: Plugin, notes: Record<string, string> = {}): Promise<void> {
	plugin.load();
	for (const p of shimState.pendingLoads.splice(0)) await p;
	for (const [path, text] of Object.entries(notes)) await app.vault.create(path, text);
	await Promise.resolve();
	app.workspace.setLayoutReady();
}

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
	unregister(handler: KeymapEventHandler): void {
		this.handlers = this.handlers.filter((h) => h !== handler);
	}
	/** shim: presses a key; like Obsidian, the newest matching handler wins, and `false` stops. */
	press(modifiers: Modifier[], key: string): boolean {
		const mods = [...modifiers].sort().join(',');
		const handler = [...this.handlers].reverse().find((h) => h.modifiers === mods && h.key === key);
		if (!handler) return this.parent?.press(modifiers, key) ?? false;
		handler.func({ key, ctrlKey: modifiers.includes('Mod'), shiftKey: modifiers.includes('Shift') }, { key, modifiers: mods });
		return true;
	}
}

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
		this.onOpen();
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
	setPlaceholder(placeholder: string): void {
		this.inputEl.setAttr('placeholder', placeholder);
	}
	setInstructions(instructions: Instruction[]): void {
		this.instructions = instructions;
	}
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
	onNoSuggestion(): void {
		this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
	}
	selectSuggestion(value: T, evt: unknown): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}
	selectActiveSuggestion(evt: unknown): void {
		const value = this.values[this.selectedItem];
		if (value !== undefined) this.selectSuggestion(value, evt);
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
	get message(): string {
		return this.messageEl.getText();
	}
	setMessage(message: string): this {
		this.messageEl.setText(message);
		return this;
	}
	hide(): void {
		this.hidden = true;
	}
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
	addSeparator(): this {
		return this;
	}
	showAtMouseEvent(): this {
		Menu.lastShown = this;
		return this;
	}
	showAtPosition(): this {
		return this.showAtMouseEvent();
	}
	hide(): this {
		if (Menu.lastShown === this) Menu.lastShown = null;
		return this;
	}
	close(): void {
		this.hide();
	}
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
	setChecked(): this {
		return this;
	}
	setDisabled(): this {
		return this;
	}
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
	getValue(): T {
		return this.value;
	}
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
export class TextComponent extends ValueComponent<string> {
	placeholder = '';
	inputEl = new FakeElement('input');
	setPlaceholder(placeholder: string): this {
		this.placeholder = placeholder;
		return this;
	}
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
	setDynamicTooltip(): this {
		return this;
	}
}
export class ButtonComponent extends BaseComponent {
	buttonText = '';
	private clickCb?: (evt: unknown) => unknown;
	setButtonText(text: string): this {
		this.buttonText = text;
		return this;
	}
	setCta(): this {
		return this;
	}
	setWarning(): this {
		return this;
	}
	setTooltip(): this {
		return this;
	}
	setIcon(): this {
		return this;
	}
	onClick(cb: (evt: unknown) => unknown): this {
		this.clickCb = cb;
		return this;
	}
	/** shim: a user click. */
	async click(): Promise<void> {
		await this.clickCb?.({});
	}
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
	addToggle(cb: (c: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(), cb);
	}
	addText(cb: (c: TextComponent) => unknown): this {
		return this.add(new TextComponent(), cb);
	}
	addTextArea(cb: (c: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(), cb);
	}
	addDropdown(cb: (c: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(), cb);
	}
	addSlider(cb: (c: SliderComponent) => unknown): this {
		return this.add(new SliderComponent(), cb);
	}
	addButton(cb: (c: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(), cb);
	}
	addExtraButton(cb: (c: ExtraButtonComponent) => unknown): this {
		return this.add(new ExtraButtonComponent(), cb);
	}
	then(cb: (s: this) => unknown): this {
		cb(this);
		return this;
	}
	clear(): this {
		this.components = [];
		this.controlEl.empty();
		return this;
	}
	addSearch(): this {
		return notImplemented('Setting.addSearch');
	}
	addColorPicker(): this {
		return notImplemented('Setting.addColorPicker');
	}
	addMomentFormat(): this {
		return notImplemented('Setting.addMomentFormat');
	}
}

export abstract class PluginSettingTab {
	containerEl = new FakeElement('div', 'vertical-tab-content');
	constructor(
		readonly app: App,
		readonly plugin: Plugin,
	) {}
	abstract display(): void;
	hide(): void {}
	/** shim: every Setting rendered in the tab, in order. */
	settings(): Setting[] {
		return this.containerEl.findAll((el) => el.setting !== undefined).map((el) => el.setting as Setting);
	}
	/** shim: the setting with this exact name. */
	setting(name: string): Setting {
		const found = this.settings().find((s) => s.nameEl.getText() === name);
		if (!found) throw new Error(`no setting named "${name}" in [${this.settings().map((s) => s.nameEl.getText()).join(', ')}]`);
		return found;
	}
}

// ---------------------------------------------------------------- helpers

export interface Debouncer<T extends unknown[], V> {
	(...args: T): void;
	cancel(): this;
	run(): V | void;
}

export function debounce<T extends unknown[], V>(cb: (...args: T) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let pending: T | undefined;
	const run = (): V | void => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		const args = pending;
		pending = undefined;
		return args ? cb(...args) : undefined;
	};
	const fn = ((...args: T) => {
		pending = args;
		if (timer !== undefined && !resetTimer) return;
		if (timer !== undefined) clearTimeout(timer);
		timer = setTimeout(run, timeout);
	}) as Debouncer<T, V>;
	fn.cancel = () => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		pending = undefined;
		return fn;
	};
	fn.run = run;
	return fn;
}

export function setIcon(el: FakeElement, icon: string): void {
	el.setAttr('data-icon', icon);
}

export function setTooltip(el: FakeElement, tooltip: string): void {
	el.setAttr('aria-label', tooltip);
}

export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
};

export interface RequestUrlParam {
	url: string;
	method?: string;
	headers?: Record<string, string>;
	throw?: boolean;
}
export interface RequestUrlResponse {
	status: number;
	headers: Record<string, string>;
	arrayBuffer: ArrayBuffer;
	text: string;
}

/** shim: no network in tests; a test that needs one installs a handler. */
export const requestUrlShim = {
	handler: null as ((req: RequestUrlParam) => Promise<RequestUrlResponse>) | null,
};

export function requestUrl(req: RequestUrlParam | string): Promise<RequestUrlResponse> {
	const param = typeof req === 'string' ? { url: req } : req;
	if (!requestUrlShim.handler) return Promise.reject(new Error(`requestUrl called without a test handler: ${param.url}`));
	return requestUrlShim.handler(param);
}

export type { DomElementInfo };
