import { ItemView, Keymap, TFile, type App, type HoverParent, type HoverPopover, type TAbstractFile, type WorkspaceLeaf } from 'obsidian';
import { explainEmpty } from '../../core/search/explain';
import type { SearchResult } from '../../core/search/types';
import { userMessage } from '../runtime/errors';
import { linkTo, openAtPassage } from './navigate';
import type { RelatedSource } from '../runtime/ports';
import { noteName } from './progress-text';
import { previewOnHover } from './hover-preview';
import { renderResult } from './result-row';

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
			this.showMessage(null, 'Open a note to see the notes related to it.');
			this.settled = Promise.resolve();
			return;
		}
		const path = this.path;
		this.settled = this.source.related(path).then(
			(answer) => {
				if (generation !== this.generation) return;
				if (answer.results.length === 0) {
					this.showMessage(path, explainEmpty(answer.reason ?? 'below-threshold', { subject: noteName(path), threshold: this.source.threshold }));
				} else {
					this.showResults(path, answer.results);
				}
			},
			(error: unknown) => {
				if (generation === this.generation) this.showMessage(path, userMessage(error));
			},
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

	private showMessage(path: string | null, message: string): void {
		this.header(path).createDiv({ cls: 'sns-empty', text: message });
	}

	private showResults(path: string, results: SearchResult[]): void {
		const list = this.header(path).createDiv({ cls: 'sns-related-list' });
		for (const result of results) {
			const row = list.createDiv({ cls: 'sns-related-row', attr: { draggable: 'true' } });
			renderResult(row, result);
			// Plain listeners: rows are replaced on every refresh and their listeners go with them.
			// Like Obsidian's own lists: Mod-click opens a new tab (Mod+Alt a split), a middle click a new tab.
			row.addEventListener('click', (evt) => void openAtPassage(this.app, result, Keymap.isModEvent(evt)));
			row.addEventListener('auxclick', (evt) => {
				if (evt.button === 1) void openAtPassage(this.app, result, 'tab');
			});
			row.addEventListener('dragstart', (evt) => dragLink(this.app, evt, result, path));
			previewOnHover(this.app, row, result, this);
		}
	}
}

/** Dragging a row into an editor drops a link to the note, like dragging from the file explorer. */
function dragLink(app: App, evt: DragEvent, result: SearchResult, sourcePath: string): void {
	const link = linkTo(app, result, sourcePath, false);
	if (!link || !evt.dataTransfer) return;
	evt.dataTransfer.setData('text/plain', link);
	evt.dataTransfer.effectAllowed = 'copyLink';
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
