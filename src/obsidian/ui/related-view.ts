import { ItemView, TFile, type App, type HoverParent, type HoverPopover, type TAbstractFile, type WorkspaceLeaf } from 'obsidian';
import type { RelatedSource } from '../runtime/ports';
import { noteName } from './progress-text';
import { renderRelated, type RelatedOutcome } from './related-list';

export const RELATED_VIEW_TYPE = 'semantic-related-notes';

/** Switching notes or typing settles for this long before the list is recomputed. */
export const RELATED_REFRESH_MS = 300;

/** Right-sidebar list of the notes most similar to the active note, following it and its edits. */
/** The view's "Hide notes already linked" switch, kept in the plugin's settings. */
export interface HideLinkedToggle {
	value(): boolean;
	set(hide: boolean): void;
}

export class RelatedNotesView extends ItemView implements HoverParent {
	/** The page preview shown for a hovered row, owned by the view (Obsidian sets and clears it). */
	hoverPopover: HoverPopover | null = null;
	private path: string | null = null;
	private isOpen = false;
	private timer: number | undefined;
	/** Increases per refresh so an older, slower answer never overwrites a newer one. */
	private generation = 0;
	/** Resolves when the latest refresh has rendered (tests wait for it). */
	settled: Promise<void> = Promise.resolve();

	constructor(
		leaf: WorkspaceLeaf,
		private readonly source: RelatedSource,
		private readonly hideLinked: HideLinkedToggle,
		private readonly refreshMs = RELATED_REFRESH_MS,
	) {
		super(leaf);
		this.icon = 'network';
	}

	getViewType(): string {
		return RELATED_VIEW_TYPE;
	}

	getDisplayText(): string {
		return 'Related notes';
	}

	onOpen(): Promise<void> {
		this.contentEl.addClass('sns-related');
		const follow = () => this.schedule();
		this.registerEvent(this.app.workspace.on('active-leaf-change', follow));
		this.registerEvent(this.app.workspace.on('file-open', follow));
		const ifCurrent = (file: TAbstractFile) => {
			if (file.path === this.path) this.schedule(true);
		};
		this.registerEvent(this.app.metadataCache.on('changed', ifCurrent));
		this.registerEvent(this.app.vault.on('rename', (file, oldPath) => {
			if (oldPath === this.path || file.path === this.path) this.schedule(true);
		}));
		this.register(this.source.onIndexChange(() => this.schedule(true)));
		this.register(() => window.clearTimeout(this.timer));
		// A view restored with the workspace opens before layout ready; the index is not touched until then.
		this.isOpen = true;
		this.app.workspace.onLayoutReady(() => {
			if (this.isOpen) this.refresh();
		});
		return Promise.resolve();
	}

	onClose(): Promise<void> {
		this.isOpen = false;
		this.contentEl.empty();
		return Promise.resolve();
	}

	/**
	 * Debounced refresh; without `force` nothing happens while the active note stays the same.
	 * Before layout ready the workspace switches notes while restoring: the refresh that
	 * onLayoutReady runs covers them, and an earlier one would load the model early.
	 */
	private schedule(force = false): void {
		if (!this.app.workspace.layoutReady) return;
		window.clearTimeout(this.timer);
		this.timer = window.setTimeout(() => {
			const current = this.app.workspace.getActiveFile();
			if (!force && (current?.path ?? null) === this.path) return;
			this.refresh();
		}, this.refreshMs);
	}

	refresh(): void {
		const file = this.app.workspace.getActiveFile();
		this.path = file instanceof TFile && file.extension === 'md' ? file.path : null;
		const generation = ++this.generation;
		if (this.path === null) {
			this.header(null).createDiv({ cls: 'sns-empty', text: 'Open a note to see the notes related to it.' });
			this.settled = Promise.resolve();
			return;
		}
		const path = this.path;
		const show = (outcome: RelatedOutcome) => {
			if (generation === this.generation) renderRelated(this.header(path), { app: this.app, hoverParent: this, threshold: this.source.threshold }, path, outcome);
		};
		this.settled = this.source.related(path).then(
			(answer) => show({ answer }),
			(error: unknown) => show({ error }),
		);
	}

	private header(path: string | null): HTMLElement {
		const el = this.contentEl;
		el.empty();
		if (path !== null) el.createDiv({ cls: 'sns-related-header', text: `Related to ${noteName(path)}` });
		const toggle = el.createEl('label', { cls: 'sns-hide-linked' });
		const box = toggle.createEl('input', { type: 'checkbox' });
		box.checked = this.hideLinked.value();
		toggle.createSpan({ text: 'Hide notes already linked' });
		// The plugin refreshes open views after a settings change, which redraws this list.
		box.addEventListener('change', () => this.hideLinked.set(box.checked));
		return el;
	}
}

/** Shows the related view in the right sidebar, reusing an open one. */
export async function revealRelatedView(app: App): Promise<void> {
	let leaf = app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)[0];
	if (!leaf) {
		const right = app.workspace.getRightLeaf(false);
		if (!right) return;
		await right.setViewState({ type: RELATED_VIEW_TYPE, active: true });
		leaf = right;
	}
	await app.workspace.revealLeaf(leaf);
}
