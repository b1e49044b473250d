import { beforeEach, describe, expect, it, vi } from 'vitest';
import SemanticNoteSearchPlugin from '../../../src/main';
import { HOVER_SOURCE } from '../../../src/obsidian/ui/hover-preview';
import { RELATED_VIEW_TYPE, RelatedNotesView, revealRelatedView } from '../../../src/obsidian/ui/related-view';
import { RelatedUnderNotes, UNDER_NOTE_CLASS } from '../../../src/obsidian/ui/under-note';
import { FakeRuntime, FakeSearch, result } from '../../helpers/obsidian-fakes';
import { asApp, asObsidianManifest, hostPlugin, manifest, openNote } from '../../helpers/obsidian-harness';
import { App, MarkdownView, startApp, type FakeElement, type Plugin, type WorkspaceLeaf } from '../../shims/obsidian';
import type * as Obsidian from 'obsidian';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

const NOTES: Record<string, string> = {
	'A.md': '# A\n\nalpha text\n\nmore alpha',
	'B.md': 'beta text',
	'C.md': 'gamma text',
	'Private/D.md': 'delta text',
};

/** The related notes of a path: every other note, as the core never lists the note itself. */
function relatedToOthers(search: FakeSearch): void {
	search.relatedAnswer = (path) => ({
		results: Object.keys(NOTES)
			.filter((p) => p !== path)
			.map((p, i) => result(p, { band: i === 0 ? 'strong' : 'related', heading: 'Intro', start: 4, end: 9 })),
	});
}

async function setup() {
	const { app, plugin } = hostPlugin(new App());
	app.workspace.setLayoutReady();
	for (const [path, text] of Object.entries(NOTES)) await app.vault.create(path, text);
	const search = new FakeSearch();
	relatedToOthers(search);
	const excluded = new Set(['Private/D.md']);
	const view = await openNote(app, 'A.md');
	const under = new RelatedUnderNotes(asApp(app), search, (path) => excluded.has(path), 1);
	plugin.addChild(under as never);
	await under.settled;
	return { app, plugin, search, under, view, excluded };
}

/** Lets the debounced refresh run and render. */
async function settle(under: RelatedUnderNotes): Promise<void> {
	await tick();
	await under.settled;
}

/** Reading view's footer and live preview's sizer: where the section belongs in each mode. */
function parents(view: MarkdownView): { reading: FakeElement; live: FakeElement } {
	const reading = view.previewMode.sizerEl.byClass('mod-footer')[0];
	const live = view.contentEl.byClass('cm-sizer')[0];
	return { reading, live };
}

const sections = (view: MarkdownView) => view.contentEl.byClass(UNDER_NOTE_CLASS);
const titles = (el: FakeElement) => el.byClass('sns-result-title').map((e) => e.getText());

describe('related notes under the note', () => {
	it('ends reading view and live preview with a section listing the related notes', async () => {
		const { view } = await setup();
		const { reading, live } = parents(view);
		for (const parent of [reading, live]) {
			const last = parent.children[parent.children.length - 1];
			expect(last.hasClass(UNDER_NOTE_CLASS)).toBe(true);
			expect(last.byClass('sns-under-note-header')[0].getText()).toBe('Related notes');
			expect(titles(last)).toEqual(['B', 'C', 'D']);
			expect(last.byClass('sns-band').map((b) => b.getText())).toEqual(['Strong match', 'Related', 'Related']);
		}
		// After the note's own content in both modes.
		expect(live.children.map((c) => c.className)).toEqual(['inline-title', 'cm-contentContainer', UNDER_NOTE_CLASS]);
		expect(view.previewMode.sizerEl.children.at(-1)?.hasClass('mod-footer')).toBe(true);
		expect(sections(view)).toHaveLength(2);
	});

	it('shows the same rows as the sidebar', async () => {
		const { app, plugin, search, view } = await setup();
		const toggle = { value: () => false, set: () => undefined };
		plugin.registerView(RELATED_VIEW_TYPE, (leaf: WorkspaceLeaf) => new RelatedNotesView(leaf as never, search, toggle, 1) as never);
		await revealRelatedView(asApp(app));
		const sidebar = app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)[0].view as unknown as RelatedNotesView;
		await sidebar.settled;
		const list = (el: FakeElement) => el.byClass('sns-related-list')[0];
		const sidebarList = list(sidebar.contentEl as unknown as FakeElement);
		expect(sidebarList.children).toHaveLength(3);
		for (const section of sections(view)) {
			expect(list(section).children.map((row) => [row.className, row.getText()])).toEqual(sidebarList.children.map((row) => [row.className, row.getText()]));
		}
	});

	it('does not move the editor or the reading view: their scroll position stays and the section only ever comes after the text', async () => {
		const { app, under, search } = await setup();
		await openNote(app, 'B.md');
		const view = app.workspace.getActiveViewOfType(MarkdownView) as MarkdownView;
		view.scrollerEl.scrollTop = 240;
		view.previewMode.containerEl.scrollTop = 180;
		const before = (parent: FakeElement) => parent.children.slice(0, parent.children.findIndex((c) => c.hasClass(UNDER_NOTE_CLASS)));
		const { reading, live } = parents(view);
		const contentBefore = [...view.previewMode.sizerEl.children.slice(0, -1), ...live.children.slice(0, 2)];
		await settle(under);
		search.emitIndexChange();
		await settle(under);
		expect(view.scrollerEl.scrollTop).toBe(240);
		expect(view.previewMode.containerEl.scrollTop).toBe(180);
		// Nothing was inserted before the note's text: in reading view the section is inside the footer.
		expect([...view.previewMode.sizerEl.children.slice(0, -1), ...before(live)]).toEqual(contentBefore);
		expect(reading.children.every((c) => c.hasClass(UNDER_NOTE_CLASS))).toBe(true);
	});

	it('follows the note each tab shows, and forgets a closed tab', async () => {
		const { app, under, view } = await setup();
		const second = app.workspace.getLeaf('tab');
		const c = app.vault.getFileByPath('C.md');
		if (!c) throw new Error('missing');
		await second.openFile(c);
		await settle(under);
		const other = second.view as MarkdownView;
		expect(titles(sections(view)[0])).toEqual(['B', 'C', 'D']);
		expect(titles(sections(other)[0])).toEqual(['A', 'B', 'D']);
		const b = app.vault.getFileByPath('B.md');
		if (!b) throw new Error('missing');
		await view.leaf.openFile(b);
		await settle(under);
		expect(titles(sections(view)[0])).toEqual(['A', 'C', 'D']);
		second.detach();
		await settle(under);
		expect(sections(other)).toEqual([]);
	});

	it('refreshes when the index changed, without asking again when nothing did', async () => {
		const { app, under, view, search } = await setup();
		expect(search.relatedAsked).toEqual(['A.md']);
		// A layout change that leaves the note in place (a sidebar opened) asks for nothing.
		app.workspace.trigger('layout-change');
		await settle(under);
		expect(search.relatedAsked).toEqual(['A.md']);
		search.relatedAnswer = () => ({ results: [result('C.md')] });
		search.emitIndexChange();
		await settle(under);
		expect(search.relatedAsked).toEqual(['A.md', 'A.md']);
		expect(sections(view).map(titles)).toEqual([['C'], ['C']]);
	});

	it('says why the list is empty, as the sidebar does', async () => {
		const { under, view, search } = await setup();
		search.relatedAnswer = () => ({ results: [], reason: 'below-threshold' });
		search.emitIndexChange();
		await settle(under);
		expect(sections(view)[0].byClass('sns-empty')[0].getText()).toBe(
			'No notes are similar enough to “A” (minimum similarity 0.43); you can lower the threshold in settings.',
		);
		search.relatedAnswer = () => new Error('The embedding model is not available.');
		search.emitIndexChange();
		await settle(under);
		expect(sections(view)[0].byClass('sns-empty')[0].getText()).toBe('The embedding model is not available.');
	});

	it('adds nothing to an excluded note, and takes the section away when a note becomes excluded', async () => {
		const { app, under, view, search, excluded } = await setup();
		await openNote(app, 'Private/D.md');
		await settle(under);
		expect(sections(view)).toEqual([]);
		expect(search.relatedAsked).toEqual(['A.md']);
		await openNote(app, 'A.md');
		await settle(under);
		expect(sections(view)).toHaveLength(2);
		excluded.add('A.md');
		// A settings change reaches the section as an index change (the runtime refreshes open views).
		search.emitIndexChange();
		await settle(under);
		expect(sections(view)).toEqual([]);
	});

	it('puts the section back at the end when Obsidian redrew the view without it', async () => {
		const { app, under, view } = await setup();
		const { live } = parents(view);
		const section = live.byClass(UNDER_NOTE_CLASS)[0];
		section.detach();
		app.workspace.trigger('layout-change');
		await settle(under);
		expect(live.children.at(-1)).toBe(section);
	});

	it('leaves an unchanged list alone and updates a changed one in place, in both modes', async () => {
		const { under, view, search } = await setup();
		const rows = sections(view).map((section) => section.byClass('sns-related-row')[0]);
		const text = sections(view).map((section) => section.getText());
		search.emitIndexChange();
		await settle(under);
		expect(search.relatedAsked).toEqual(['A.md', 'A.md']);
		expect(sections(view).map((section) => section.getText())).toEqual(text);
		search.relatedAnswer = () => ({ results: [result('B.md', { score: 0.6, band: 'related' })] });
		search.emitIndexChange();
		await settle(under);
		// The first row is kept and shows the new result; the other rows are gone.
		expect(sections(view).map((section) => section.byClass('sns-related-row'))).toEqual(rows.map((row) => [row]));
		for (const section of sections(view)) {
			expect(section.byClass('sns-band').map((b) => [b.className, b.getText(), b.getAttr('aria-label')])).toEqual([['sns-band sns-band-related', 'Related', 'Similarity 0.60']]);
		}
	});

	it("fills the section again when Obsidian rebuilt a mode's container", async () => {
		const { app, under, view } = await setup();
		const sizer = view.previewMode.sizerEl;
		sizer.byClass('mod-footer')[0].detach();
		const footer = sizer.createDiv({ cls: 'mod-footer' });
		app.workspace.trigger('layout-change');
		await settle(under);
		expect(titles(footer.byClass(UNDER_NOTE_CLASS)[0])).toEqual(['B', 'C', 'D']);
		expect(sections(view)).toHaveLength(2);
	});

	it('is in both modes, so switching modes shows it at once', async () => {
		const { view } = await setup();
		view.switchMode('preview');
		const reading = parents(view).reading.byClass(UNDER_NOTE_CLASS)[0];
		expect(titles(reading)).toEqual(['B', 'C', 'D']);
	});

	it('asks Page preview for a hovered row, with the plugin as source and the section as hover parent', async () => {
		const { app, view } = await setup();
		const asked: Record<string, unknown>[] = [];
		app.workspace.on('hover-link', (info: Record<string, unknown>) => asked.push(info));
		const row = sections(view)[0].byClass('sns-related-row')[0];
		row.dispatch('mouseover');
		expect(asked).toHaveLength(1);
		expect(asked[0]).toMatchObject({ source: HOVER_SOURCE, linktext: 'B.md#Intro', targetEl: row, hoverParent: { hoverPopover: null } });
		// Clicks and drags are the sidebar's own (related-list.ts), tested with the related view.
	});

	it('unloading removes every section and listener', async () => {
		const { app, plugin, under, view, search } = await setup();
		const events = app.workspace.listenerCount() + app.vault.listenerCount();
		plugin.removeChild(under as never);
		expect(sections(view)).toEqual([]);
		expect(search.listenerCount).toBe(0);
		expect(app.workspace.listenerCount() + app.vault.listenerCount()).toBe(events - 3);
		search.emitIndexChange();
		await tick(10);
		expect(sections(view)).toEqual([]);
	});
});

describe('the "Show related notes under each note" setting', () => {
	beforeEach(() => vi.useRealTimers());

	async function start(data?: unknown) {
		const app = new App();
		if (data !== undefined) app.pluginData.set(manifest.id, data);
		const plugin = new SemanticNoteSearchPlugin(app as unknown as Obsidian.App, asObsidianManifest(manifest));
		const runtime = new FakeRuntime();
		relatedToOthers(runtime.search);
		plugin.createRuntime = () => runtime;
		await startApp(app, plugin as unknown as Plugin, NOTES, async () => {
			await openNote(app, 'A.md');
		});
		const view = app.workspace.getActiveViewOfType(MarkdownView) as MarkdownView;
		return { app, plugin, runtime, view };
	}

	it('is off by default: notes get no section and nothing is asked', async () => {
		const { view, runtime } = await start();
		await tick(400);
		expect(sections(view)).toEqual([]);
		expect(runtime.search.relatedAsked).toEqual([]);
	});

	it('turned on, open notes get their section; turned off, the sections go', async () => {
		const { plugin, view, runtime } = await start();
		await plugin.updateSettings({ showUnderNote: true });
		await vi.waitFor(() => expect(sections(view).map(titles)).toEqual([['B', 'C', 'D'], ['B', 'C', 'D']]));
		await plugin.updateSettings({ showUnderNote: false });
		expect(sections(view)).toEqual([]);
		expect(runtime.search.listenerCount).toBe(0);
	});

	it('remembered on, it applies from layout ready; excluded notes (settings) get none; unload removes the sections', async () => {
		const { app, plugin, view } = await start({ showUnderNote: true, exclusions: 'Private/' });
		await vi.waitFor(() => expect(sections(view)).toHaveLength(2));
		await openNote(app, 'Private/D.md');
		await vi.waitFor(() => expect(sections(view)).toEqual([]));
		await openNote(app, 'B.md');
		await vi.waitFor(() => expect(sections(view)).toHaveLength(2));
		(plugin as unknown as Plugin).unload();
		expect(sections(view)).toEqual([]);
	});
});
