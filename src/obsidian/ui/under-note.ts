import { Component, MarkdownView, type App, type HoverParent, type HoverPopover } from 'obsidian';
import type { RelatedSource } from '../runtime/ports';
import { RelatedList, type RelatedOutcome } from './related-list';
import { RELATED_REFRESH_MS } from './related-view';

export const UNDER_NOTE_CLASS = 'sns-under-note';

/** The child of `parent` with class `cls`, if any (children only: embedded notes have sizers too). */
function childWithClass(parent: HTMLElement, cls: string): HTMLElement | null {
	return (Array.from(parent.children) as HTMLElement[]).find((child) => child.hasClass(cls)) ?? null;
}

/**
 * Where the section goes, like the core "Backlinks in document": reading view's footer inside
 * `.markdown-preview-sizer`, and live preview's `.cm-sizer` after the editor content. Both sit after
 * the note's text, so adding or redrawing the section never moves what the user is reading.
 */
function sectionParents(view: MarkdownView): HTMLElement[] {
	const parents: HTMLElement[] = [];
	const sizer = childWithClass(view.previewMode.containerEl, 'markdown-preview-sizer');
	if (sizer) parents.push(childWithClass(sizer, 'mod-footer') ?? sizer);
	// The first .cm-sizer in document order is the note's own (an embed's is inside it).
	const cmSizer = view.contentEl.querySelector<HTMLElement>('.cm-sizer');
	if (cmSizer) parents.push(cmSizer);
	return parents;
}

/** One note's section, in each of its view's modes. */
class NoteSection implements HoverParent {
	/** The page preview of a hovered row (Obsidian sets and clears it). */
	hoverPopover: HoverPopover | null = null;
	/** Per mode: the section element in that mode's parent, and its list (kept, so a refresh updates rows in place). */
	readonly els = new Map<HTMLElement, { el: HTMLElement; list: RelatedList }>();
	path: string | null = null;
	/** What the section shows, to skip redrawing an unchanged list (most index changes are about other notes). */
	shown: string | null = null;
	/** Increases per refresh so an older, slower answer never overwrites a newer one. */
	generation = 0;

	constructor(
		readonly view: MarkdownView,
		private readonly app: App,
	) {}

	/** The section's lists, placed (again, if Obsidian redrew the view) at the end of each mode. */
	attach(): RelatedList[] {
		const parents = sectionParents(this.view);
		for (const [parent, { el }] of this.els) {
			if (!parents.includes(parent)) {
				el.detach();
				this.els.delete(parent);
			}
		}
		return parents.map((parent) => {
			let part = this.els.get(parent);
			if (!part) {
				const el = parent.createDiv({ cls: UNDER_NOTE_CLASS });
				el.createDiv({ cls: 'sns-under-note-header', text: 'Related notes' });
				part = { el, list: new RelatedList(el, this.app, this) };
				this.els.set(parent, part);
				// A new, empty element: the next render must fill it.
				this.shown = null;
			} else if (part.el.parentElement !== parent) {
				parent.appendChild(part.el);
			}
			return part.list;
		});
	}

	remove(): void {
		this.generation++;
		this.path = null;
		this.shown = null;
		for (const { el } of this.els.values()) el.detach();
		this.els.clear();
	}
}

/**
 * "Show related notes under each note": a section at the end of every open note with the
 * sidebar's rows, refreshed when the view shows another note and whenever the index or the
 * settings changed. Excluded notes get none. Unloading removes every section.
 */
export class RelatedUnderNotes extends Component {
	private readonly sections = new Map<MarkdownView, NoteSection>();
	private timer: number | undefined;
	/** Resolves when the latest refresh has rendered (tests wait for it). */
	settled: Promise<void> = Promise.resolve();

	constructor(
		private readonly app: App,
		private readonly source: RelatedSource,
		private readonly isExcluded: (path: string) => boolean,
		private readonly refreshMs = RELATED_REFRESH_MS,
	) {
		super();
	}

	onload(): void {
		// Tabs opened, closed or switched to another mode or note.
		const follow = () => this.schedule(false);
		this.registerEvent(this.app.workspace.on('layout-change', follow));
		this.registerEvent(this.app.workspace.on('file-open', follow));
		this.registerEvent(this.app.vault.on('rename', () => this.schedule(true)));
		// Fires after the index changed (a note re-embedded, renamed, removed) and after settings changed.
		this.register(this.source.onIndexChange(() => this.schedule(true)));
		this.register(() => window.clearTimeout(this.timer));
		this.update(true);
	}

	onunload(): void {
		for (const section of this.sections.values()) section.remove();
		this.sections.clear();
	}

	private schedule(force: boolean): void {
		window.clearTimeout(this.timer);
		this.timer = window.setTimeout(() => this.update(force), this.refreshMs);
	}

	/** Every open note gets its section; with `force` each is recomputed, otherwise only notes that changed. */
	update(force: boolean): void {
		const views = new Set<MarkdownView>();
		for (const leaf of this.app.workspace.getLeavesOfType('markdown')) if (leaf.view instanceof MarkdownView) views.add(leaf.view);
		for (const [view, section] of this.sections) {
			if (!views.has(view)) {
				section.remove();
				this.sections.delete(view);
			}
		}
		const pending: Promise<void>[] = [];
		for (const view of views) {
			let section = this.sections.get(view);
			if (!section) {
				section = new NoteSection(view, this.app);
				this.sections.set(view, section);
			}
			const path = view.file?.path ?? null;
			if (path === null || this.isExcluded(path)) section.remove();
			else if (force || path !== section.path || section.els.size === 0) pending.push(this.refresh(section, path));
			else {
				section.attach();
				// Obsidian built a mode's container anew: its section is empty until drawn again.
				if (section.shown === null) pending.push(this.refresh(section, path));
			}
		}
		this.settled = Promise.all(pending).then(() => undefined);
	}

	private async refresh(section: NoteSection, path: string): Promise<void> {
		section.path = path;
		const generation = ++section.generation;
		let outcome: RelatedOutcome;
		try {
			outcome = { answer: await this.source.related(path) };
		} catch (error) {
			outcome = { error };
		}
		if (generation === section.generation) this.render(section, path, outcome);
	}

	/** Updates the section in one synchronous step: no moment with an empty section the browser could lay out. */
	private render(section: NoteSection, path: string, outcome: RelatedOutcome): void {
		const threshold = this.source.threshold;
		const shown = JSON.stringify([path, threshold, 'error' in outcome ? String(outcome.error) : outcome.answer]);
		const lists = section.attach();
		if (shown === section.shown) return;
		section.shown = shown;
		for (const list of lists) list.show(path, outcome, threshold);
	}
}
