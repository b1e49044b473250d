/** Views, leaves and the workspace for the e2e page: a note pane and a right sidebar, in the real DOM. */
import { Component, Events, type TFile } from './base';
import type { HostApp } from './app';

export abstract class View extends Component {
	readonly app: HostApp;
	readonly containerEl: HTMLElement;
	icon = '';

	constructor(readonly leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl = leaf.containerEl.createDiv({ cls: 'workspace-leaf-content' });
	}

	abstract getViewType(): string;
	abstract getDisplayText(): string;

	onOpen(): Promise<void> {
		return Promise.resolve();
	}

	onClose(): Promise<void> {
		return Promise.resolve();
	}
}

export abstract class ItemView extends View {
	readonly contentEl: HTMLElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.containerEl.createDiv({ cls: 'view-header' }).createDiv({ cls: 'view-header-title' });
		this.contentEl = this.containerEl.createDiv({ cls: 'view-content' });
	}
}

/**
 * The open note, shown as text in both of Obsidian's modes with their DOM: the editor
 * (`.markdown-source-view.is-live-preview > .cm-editor > .cm-scroller > .cm-sizer > .cm-contentContainer`)
 * and Reading view (`.markdown-reading-view > .markdown-preview-view > .markdown-preview-sizer`,
 * its sections between `.mod-header` and `.mod-footer`); the mode not in use is hidden.
 * The e2e never edits through an editor.
 */
export class MarkdownView extends ItemView {
	file: TFile | null = null;
	/** Reading view: `containerEl` is `.markdown-preview-view`, the element that scrolls. */
	readonly previewMode: { containerEl: HTMLElement };
	private readonly sourceEl: HTMLElement;
	private readonly readingEl: HTMLElement;
	private readonly cmContentEl: HTMLElement;
	private readonly previewSizerEl: HTMLElement;
	private readonly previewFooterEl: HTMLElement;
	private mode: 'source' | 'preview' = 'source';

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.sourceEl = this.contentEl.createDiv({ cls: ['markdown-source-view', 'cm-s-obsidian', 'mod-cm6', 'is-live-preview'] });
		const cmSizer = this.sourceEl.createDiv({ cls: 'cm-editor' }).createDiv({ cls: 'cm-scroller' }).createDiv({ cls: 'cm-sizer' });
		this.cmContentEl = cmSizer.createDiv({ cls: 'cm-contentContainer' }).createDiv({ cls: ['cm-content', 'e2e-note-text'] });
		this.readingEl = this.contentEl.createDiv({ cls: 'markdown-reading-view' });
		this.previewMode = { containerEl: this.readingEl.createDiv({ cls: ['markdown-preview-view', 'markdown-rendered'] }) };
		this.previewSizerEl = this.previewMode.containerEl.createDiv({ cls: ['markdown-preview-sizer', 'markdown-preview-section'] });
		this.previewSizerEl.createDiv({ cls: 'mod-header' });
		this.previewFooterEl = this.previewSizerEl.createDiv({ cls: 'mod-footer' });
		this.setMode('source');
	}

	getViewType(): string {
		return 'markdown';
	}

	getDisplayText(): string {
		return this.file?.basename ?? '';
	}

	getMode(): 'source' | 'preview' {
		return this.mode;
	}

	/** The host's mode switch (the view's toggle in Obsidian). */
	setMode(mode: 'source' | 'preview'): void {
		this.mode = mode;
		this.sourceEl.toggleClass('e2e-hidden', mode !== 'source');
		this.readingEl.toggleClass('e2e-hidden', mode !== 'preview');
	}

	async show(file: TFile): Promise<void> {
		this.file = file;
		this.containerEl.setAttr('data-type', 'markdown');
		this.containerEl.querySelector('.view-header-title')?.setText(file.basename);
		const text = await this.app.vault.cachedRead(file);
		this.cmContentEl.setText(text);
		for (const section of Array.from(this.previewSizerEl.children)) if (section !== this.previewFooterEl && !section.classList.contains('mod-header')) section.remove();
		for (const paragraph of text.split(/\n{2,}/)) this.previewSizerEl.insertBefore(createDivWithText(paragraph), this.previewFooterEl);
	}
}

function createDivWithText(text: string): HTMLElement {
	const el = document.createElement('div');
	el.className = 'e2e-note-text';
	el.textContent = text;
	return el;
}

export class WorkspaceLeaf {
	readonly containerEl: HTMLElement;
	view: View | null = null;

	constructor(
		readonly app: HostApp,
		parent: HTMLElement,
	) {
		this.containerEl = parent.createDiv({ cls: 'workspace-leaf' });
	}

	async setViewState(state: { type: string; active?: boolean }): Promise<void> {
		await this.closeView();
		const factory = this.app.workspace.viewFactories.get(state.type);
		if (!factory) throw new Error(`no view registered for ${state.type}`);
		const view = factory(this);
		this.view = view;
		view.containerEl.setAttr('data-type', state.type);
		view.containerEl.querySelector('.view-header-title')?.setText(view.getDisplayText());
		view.load();
		await view.onOpen();
		this.app.workspace.trigger('layout-change');
	}

	/** Plugin unload: the view goes and the leaf (the tab) stays, as Obsidian keeps it for a re-enable. */
	closeViewKeepingPlace(): void {
		void this.closeView();
	}

	async openFile(file: TFile): Promise<void> {
		if (!(this.view instanceof MarkdownView)) {
			await this.closeView();
			this.view = new MarkdownView(this);
			this.view.load();
		}
		await (this.view as MarkdownView).show(file);
		this.app.workspace.setActive(this, file);
		this.app.workspace.trigger('layout-change');
	}

	detach(): void {
		void this.closeView();
		this.containerEl.remove();
		this.app.workspace.forget(this);
		this.app.workspace.trigger('layout-change');
	}

	private async closeView(): Promise<void> {
		const view = this.view;
		if (!view) return;
		this.view = null;
		await view.onClose();
		view.unload();
		view.containerEl.remove();
	}
}

/** A note pane (`.mod-root`) and a right sidebar (`.mod-right-split`). */
export class Workspace extends Events {
	readonly viewFactories = new Map<string, (leaf: WorkspaceLeaf) => View>();
	readonly rootEl: HTMLElement;
	readonly rightEl: HTMLElement;
	private readonly leaves: WorkspaceLeaf[] = [];
	private activeLeaf: WorkspaceLeaf | null = null;
	private activeFile: TFile | null = null;
	private layoutReady = false;
	private readonly readyCallbacks: (() => unknown)[] = [];

	constructor(
		private readonly app: HostApp,
		parent: HTMLElement,
	) {
		super();
		const workspace = parent.createDiv({ cls: 'workspace' });
		this.rootEl = workspace.createDiv({ cls: ['workspace-split', 'mod-root'] });
		this.rightEl = workspace.createDiv({ cls: ['workspace-split', 'mod-right-split'] });
	}

	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}

	/** The host's start-up is over: what Obsidian does once the workspace is restored. */
	setLayoutReady(): void {
		this.layoutReady = true;
		for (const callback of this.readyCallbacks.splice(0)) callback();
		this.trigger('layout-ready');
	}

	getActiveFile(): TFile | null {
		return this.activeFile;
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	/** The note pane's leaf (one pane here: a new tab replaces the note shown). */
	getLeaf(): WorkspaceLeaf {
		let leaf = this.leaves.find((l) => l.containerEl.parentElement === this.rootEl);
		if (!leaf) {
			leaf = new WorkspaceLeaf(this.app, this.rootEl);
			this.leaves.push(leaf);
		}
		return leaf;
	}

	getRightLeaf(): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, this.rightEl);
		this.leaves.push(leaf);
		return leaf;
	}

	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view?.getViewType() === type);
	}

	revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		leaf.containerEl.scrollIntoView();
		return Promise.resolve();
	}

	detachLeavesOfType(type: string): void {
		for (const leaf of this.getLeavesOfType(type)) leaf.detach();
	}

	setActive(leaf: WorkspaceLeaf, file: TFile): void {
		this.activeLeaf = leaf;
		this.activeFile = file;
		this.trigger('file-open', file);
		this.trigger('active-leaf-change', leaf);
	}

	forget(leaf: WorkspaceLeaf): void {
		const i = this.leaves.indexOf(leaf);
		if (i >= 0) this.leaves.splice(i, 1);
		if (this.activeLeaf === leaf) this.activeLeaf = null;
	}
}
