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

/** The open note, shown as text (the e2e never edits through an editor). */
export class MarkdownView extends ItemView {
	file: TFile | null = null;

	getViewType(): string {
		return 'markdown';
	}

	getDisplayText(): string {
		return this.file?.basename ?? '';
	}

	async show(file: TFile): Promise<void> {
		this.file = file;
		this.containerEl.setAttr('data-type', 'markdown');
		this.containerEl.querySelector('.view-header-title')?.setText(file.basename);
		this.contentEl.empty();
		this.contentEl.createEl('pre', { cls: 'e2e-note-text', text: await this.app.vault.cachedRead(file) });
	}
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
	}

	detach(): void {
		void this.closeView();
		this.containerEl.remove();
		this.app.workspace.forget(this);
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
