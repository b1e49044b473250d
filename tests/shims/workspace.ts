/** Shim editor, views, leaves and workspace (see obsidian.ts). */
import { Component, Events, notImplemented, type TFile } from './base';
import { FakeElement } from './dom';
import type { App } from './obsidian';

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
	getValue(): string { return this.text; }
	setValue(text: string): void { this.text = text; }
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
	getCursor(): EditorPosition { return { ...this.cursor }; }
	setCursor(pos: EditorPosition | number, ch?: number): void { this.cursor = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : { ...pos }; }
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
	getIcon(): string { return this.icon; }
	getState(): Record<string, unknown> { return {}; }
	setEphemeralState(_state: unknown): void {}
}

export abstract class ItemView extends View {
	contentEl: FakeElement;
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.contentEl = this.containerEl.children[1];
	}
	onOpen(): Promise<void> { return Promise.resolve(); }
	onClose(): Promise<void> { return Promise.resolve(); }
}

/** Reading view's part of a MarkdownView: `containerEl` is `.markdown-preview-view`. */
export class MarkdownPreviewView {
	containerEl: FakeElement;
	/** shim: `.markdown-preview-sizer`, the rendered sections between its header and footer. */
	sizerEl: FakeElement;
	private footerEl: FakeElement;
	constructor(parent: FakeElement) {
		this.containerEl = parent.createDiv({ cls: ['markdown-preview-view', 'markdown-rendered'] });
		this.sizerEl = this.containerEl.createDiv({ cls: ['markdown-preview-sizer', 'markdown-preview-section'] });
		this.sizerEl.createDiv({ cls: 'mod-header' });
		this.footerEl = this.sizerEl.createDiv({ cls: 'mod-footer' });
	}
	/** shim: what rendering the note does: a section per paragraph, before the footer. */
	render(text: string): void {
		for (const section of this.sizerEl.children.filter((c) => !c.hasClass('mod-header') && !c.hasClass('mod-footer'))) section.detach();
		const sections = text.split(/\n{2,}/).map((paragraph) => {
			const el = new FakeElement('div');
			el.setText(paragraph);
			el.parentElement = this.sizerEl;
			return el;
		});
		this.sizerEl.children.splice(this.sizerEl.children.indexOf(this.footerEl), 0, ...sections);
	}
	rerender(): void { notImplemented('MarkdownPreviewView.rerender'); }
	getScroll(): number { return notImplemented('MarkdownPreviewView.getScroll'); }
	applyScroll(): void { notImplemented('MarkdownPreviewView.applyScroll'); }
}

/**
 * Its contentEl holds both modes as Obsidian builds them: the editor
 * (`.markdown-source-view.is-live-preview > .cm-editor > .cm-scroller > .cm-sizer > .cm-contentContainer > .cm-content`)
 * and Reading view (`.markdown-reading-view > .markdown-preview-view > .markdown-preview-sizer`);
 * the mode not in use is hidden.
 */
export class MarkdownView extends ItemView {
	editor = new Editor();
	file: TFile | null = null;
	/** shim: the ephemeral state the view was opened with (e.g. `{ line }`). */
	eState: Record<string, unknown> | undefined;
	/** shim: the editor's scrolling element and its content. */
	readonly scrollerEl: FakeElement;
	private readonly cmContentEl: FakeElement;
	private readonly sourceEl: FakeElement;
	private readonly readingEl: FakeElement;
	previewMode: MarkdownPreviewView;
	private currentMode: 'source' | 'preview' = 'source';
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.sourceEl = this.contentEl.createDiv({ cls: ['markdown-source-view', 'cm-s-obsidian', 'mod-cm6', 'is-live-preview'] });
		this.scrollerEl = this.sourceEl.createDiv({ cls: 'cm-editor' }).createDiv({ cls: 'cm-scroller' });
		const cmSizer = this.scrollerEl.createDiv({ cls: 'cm-sizer' });
		cmSizer.createDiv({ cls: 'inline-title' });
		this.cmContentEl = cmSizer.createDiv({ cls: 'cm-contentContainer' }).createDiv({ cls: 'cm-content' });
		this.readingEl = this.contentEl.createDiv({ cls: 'markdown-reading-view' });
		this.previewMode = new MarkdownPreviewView(this.readingEl);
		this.mode = 'source';
	}
	/**
	 * shim: 'preview' is Reading view. Like Obsidian there, `editor` still exists and still accepts
	 * `replaceSelection` (the hidden source editor keeps its old cursor): only getMode() tells.
	 */
	get mode(): 'source' | 'preview' { return this.currentMode; }
	set mode(mode: 'source' | 'preview') {
		this.currentMode = mode;
		this.sourceEl.toggle(mode === 'source');
		this.readingEl.toggle(mode === 'preview');
	}
	/** shim: the user switches modes. Belief: Obsidian fires `layout-change` for it (the view state changed). */
	switchMode(mode: 'source' | 'preview'): void {
		this.mode = mode;
		this.app.workspace.trigger('layout-change');
	}
	/** shim: the note's text as both modes show it. */
	showText(text: string): void {
		this.editor.setValue(text);
		this.cmContentEl.setText(text);
		this.previewMode.render(text);
	}
	getViewType(): string { return 'markdown'; }
	getMode(): 'source' | 'preview' { return this.mode; }
	getDisplayText(): string { return this.file?.basename ?? ''; }
	setEphemeralState(state: Record<string, unknown>): void {
		this.eState = state;
		if (typeof state.line === 'number') this.editor.setCursor({ line: state.line, ch: 0 });
	}
}

/**
 * What Obsidian (1.7.2+) puts in a leaf restored in the background instead of its real view, until
 * the leaf is revealed or `loadIfDeferred()` is awaited (obsidian.d.ts, WorkspaceLeaf.isDeferred).
 * Belief: it reports the real view type, so getLeavesOfType() lists the leaf (the docs warn that
 * the leaf's view may then not be an instance of the plugin's view class).
 */
export class DeferredView extends View {
	constructor(
		leaf: WorkspaceLeaf,
		private readonly type: string,
	) { super(leaf); }
	getViewType(): string { return this.type; }
	getDisplayText(): string { return ''; }
}

export class WorkspaceLeaf extends Events {
	view: View | null = null;
	/** shim: the view type a leaf keeps while its plugin is disabled (its view is closed). */
	private closedType: string | null = null;
	constructor(
		readonly app: App,
		/** shim: which part of the workspace holds the leaf. */
		readonly side: 'main' | 'right' | 'left',
	) { super(); }
	getViewState(): { type: string } {
		return { type: this.view?.getViewType() ?? this.closedType ?? 'empty' };
	}
	get isDeferred(): boolean { return this.view instanceof DeferredView; }
	async loadIfDeferred(): Promise<void> {
		if (this.view instanceof DeferredView) await this.setViewState({ type: this.view.getViewType() });
	}
	/** shim: what unregistering its view type does to a leaf: the view closes, the leaf stays. */
	closeViewKeepingPlace(): void {
		this.closedType = this.view?.getViewType() ?? null;
		void this.closeView();
	}
	async setViewState(state: { type: string; active?: boolean }): Promise<void> {
		const factory = this.app.workspace.viewFactories.get(state.type);
		if (!factory) return notImplemented(`view type "${state.type}"`);
		await this.closeView();
		this.closedType = null;
		const view = factory(this);
		this.view = view;
		view.load();
		if (view instanceof ItemView) await view.onOpen();
		if (state.active) this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger('layout-change');
	}
	async openFile(file: TFile, openState?: { eState?: Record<string, unknown>; active?: boolean }): Promise<void> {
		if (!(this.view instanceof MarkdownView)) {
			await this.closeView();
			this.view = new MarkdownView(this);
			this.view.load();
		}
		const view = this.view as MarkdownView;
		view.file = file;
		view.showText(await this.app.vault.read(file));
		view.editor.setCursor({ line: 0, ch: 0 });
		if (openState?.eState) view.setEphemeralState(openState.eState);
		this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger('file-open', file);
		this.app.workspace.trigger('layout-change');
	}
	detach(): void {
		void this.closeView();
		this.app.workspace.leaves = this.app.workspace.leaves.filter((l) => l !== this);
		if (this.app.workspace.activeLeaf === this) this.app.workspace.activeLeaf = null;
		this.app.workspace.trigger('layout-change');
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
	constructor(private app: App) { super(); }
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
	getLeavesOfType(type: string): WorkspaceLeaf[] { return this.leaves.filter((l) => l.view?.getViewType() === type); }
	private newLeaf(side: WorkspaceLeaf['side']): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, side);
		this.leaves.push(leaf);
		return leaf;
	}
	getLeaf(newLeaf?: boolean | 'tab' | 'split' | 'window'): WorkspaceLeaf {
		const current = this.activeLeaf?.side === 'main' ? this.activeLeaf : this.leaves.find((l) => l.side === 'main');
		return !newLeaf && current ? current : this.newLeaf('main');
	}
	getRightLeaf(_split: boolean): WorkspaceLeaf { return this.newLeaf('right'); }
	getLeftLeaf(_split: boolean): WorkspaceLeaf { return this.newLeaf('left'); }
	/** Like Obsidian since 1.7.2: a deferred view is loaded before the promise resolves. */
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		await leaf.loadIfDeferred();
		leaf.app.workspace.trigger('shim:revealed', leaf);
	}
	/** shim: a leaf of `type` restored with the workspace out of sight (deferred, not yet loaded). */
	restoreDeferred(side: WorkspaceLeaf['side'], type: string): WorkspaceLeaf {
		const leaf = this.newLeaf(side);
		leaf.view = new DeferredView(leaf, type);
		return leaf;
	}
	detachLeavesOfType(type: string): void { for (const leaf of this.getLeavesOfType(type)) leaf.detach(); }
}
