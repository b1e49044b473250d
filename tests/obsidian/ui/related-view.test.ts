import { describe, expect, it } from 'vitest';
import { RELATED_VIEW_TYPE, RelatedNotesView, revealRelatedView } from '../../../src/obsidian/ui/related-view';
import { FakeSearch, result } from '../../helpers/obsidian-fakes';
import { asApp, hostPlugin, openNote } from '../../helpers/obsidian-harness';
import { App, MarkdownView, type FakeElement, type WorkspaceLeaf } from '../../shims/obsidian';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** The view's "Hide notes already linked" switch, remembered here instead of in plugin settings. */
const toggle = { hidden: false, value(): boolean { return this.hidden; }, set(hide: boolean): void { this.hidden = hide; } };


async function setup() {
	const { app, plugin } = hostPlugin(new App());
	app.workspace.setLayoutReady();
	await app.vault.create('A.md', '# A\nalpha text');
	await app.vault.create('B.md', 'beta text');
	await app.vault.create('C.md', 'gamma text');
	const search = new FakeSearch();
	// The core never lists the note itself; the fake mirrors that by excluding `path`.
	search.relatedAnswer = (path) => ({
		results: ['A.md', 'B.md', 'C.md'].filter((p) => p !== path).map((p) => result(p, { start: 4, end: 9 })),
	});
	plugin.registerView(RELATED_VIEW_TYPE, (leaf: WorkspaceLeaf) => new RelatedNotesView(leaf as never, search, toggle, 1) as never);
	await openNote(app, 'A.md');
	await revealRelatedView(asApp(app));
	const view = app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)[0].view as unknown as RelatedNotesView;
	await view.settled;
	const content = view.contentEl as unknown as FakeElement;
	const titles = () => content.byClass('sns-result-title').map((e) => e.getText());
	return { app, plugin, search, view, content, titles };
}

describe('related notes view', () => {
	it('opens in the right sidebar and lists notes related to the active one, without it', async () => {
		const { app, titles, content } = await setup();
		expect(app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)[0].side).toBe('right');
		expect(content.byClass('sns-related-header')[0].getText()).toBe('Related to A');
		expect(titles()).toEqual(['B', 'C']);
	});

	it('follows the active note', async () => {
		const { app, view, titles, search } = await setup();
		await openNote(app, 'B.md');
		await tick();
		await view.settled;
		expect(titles()).toEqual(['A', 'C']);
		expect(search.relatedAsked).toEqual(['A.md', 'B.md']);
	});

	it('follows the active note when only active-leaf-change fires (switching back to an open tab)', async () => {
		const { app, view, titles, search } = await setup();
		const first = app.workspace.getLeaf(false);
		const second = app.workspace.getLeaf('tab');
		const b = app.vault.getFileByPath('B.md');
		if (!b) throw new Error('missing');
		await second.openFile(b);
		await tick();
		await view.settled;
		expect(titles()).toEqual(['A', 'C']);
		const fileOpens: unknown[] = [];
		app.workspace.on('file-open', (f: unknown) => fileOpens.push(f));
		// Clicking the tab of A: Obsidian fires active-leaf-change, and no file-open.
		app.workspace.setActiveLeaf(first);
		await tick();
		await view.settled;
		expect(fileOpens).toEqual([]);
		expect(titles()).toEqual(['B', 'C']);
		expect(search.relatedAsked).toEqual(['A.md', 'B.md', 'A.md']);
	});

	it('refreshes after the active note is edited and after the index changed', async () => {
		const { app, view, search } = await setup();
		const a = app.vault.getFileByPath('A.md');
		if (a) await app.vault.modify(a, '# A\nnew text');
		await tick();
		await view.settled;
		search.emitIndexChange();
		await tick();
		await view.settled;
		expect(search.relatedAsked).toEqual(['A.md', 'A.md', 'A.md']);
	});

	it('explains why the list is empty', async () => {
		const { app, view, search, content } = await setup();
		search.relatedAnswer = () => ({ results: [], reason: 'not-indexed' });
		await openNote(app, 'C.md');
		await tick();
		await view.settled;
		expect(content.byClass('sns-empty')[0].getText()).toBe('“C” is not indexed yet, or is excluded from the index.');
	});

	it('opens a clicked row at the passage and drags a link to the note', async () => {
		const { app, content } = await setup();
		const row = content.byClass('sns-related-row')[0];
		const data = new Map<string, string>();
		row.dispatch('dragstart', { dataTransfer: { setData: (type: string, value: string) => data.set(type, value), effectAllowed: '' } });
		expect(data.get('text/plain')).toBe('[[B]]');
		row.dispatch('click');
		await tick();
		const md = app.workspace.getActiveViewOfType(MarkdownView);
		expect(md?.file?.path).toBe('B.md');
		expect(md?.editor.getCursor()).toEqual({ line: 0, ch: 4 });
	});

	it('Mod-click and middle-click open the note in a new tab', async () => {
		const { app, content } = await setup();
		const mainLeaves = () => app.workspace.leaves.filter((l) => l.side === 'main');
		expect(mainLeaves()).toHaveLength(1);
		content.byClass('sns-related-row')[0].dispatch('click', { button: 0, ctrlKey: true });
		await tick();
		expect(mainLeaves().map((l) => (l.view as MarkdownView).file?.path)).toEqual(['A.md', 'B.md']);
		content.byClass('sns-related-row')[1].dispatch('auxclick', { button: 1 });
		await tick();
		expect(mainLeaves().map((l) => (l.view as MarkdownView).file?.path)).toEqual(['A.md', 'B.md', 'C.md']);
		// A right click (auxclick, button 2) opens nothing.
		content.byClass('sns-related-row')[1].dispatch('auxclick', { button: 2 });
		await tick();
		expect(mainLeaves()).toHaveLength(3);
	});

	it('a view restored before layout ready waits for it before touching the index', async () => {
		const app = new App();
		const { plugin } = hostPlugin(app);
		const search = new FakeSearch();
		plugin.registerView(RELATED_VIEW_TYPE, (leaf: WorkspaceLeaf) => new RelatedNotesView(leaf as never, search, toggle, 1) as never);
		await app.workspace.getRightLeaf(false).setViewState({ type: RELATED_VIEW_TYPE });
		expect(search.relatedAsked).toEqual([]);
		app.workspace.setLayoutReady();
		const view = app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)[0].view as unknown as RelatedNotesView;
		await view.settled;
		expect((view.contentEl as unknown as FakeElement).byClass('sns-empty')[0].getText()).toBe('Open a note to see the notes related to it.');
	});

	it('does not refresh before layout ready, even when the workspace switches notes while restoring', async () => {
		const app = new App();
		const { plugin } = hostPlugin(app);
		await app.vault.create('A.md', 'alpha');
		const search = new FakeSearch();
		plugin.registerView(RELATED_VIEW_TYPE, (leaf: WorkspaceLeaf) => new RelatedNotesView(leaf as never, search, toggle, 1) as never);
		await app.workspace.getRightLeaf(false).setViewState({ type: RELATED_VIEW_TYPE });
		// Obsidian restores the main tabs (firing file-open and active-leaf-change) before layout ready.
		await openNote(app, 'A.md');
		await tick(20);
		expect(search.relatedAsked).toEqual([]);
		app.workspace.setLayoutReady();
		await tick(20);
		expect(search.relatedAsked).toEqual(['A.md']);
	});

	it('closes with the plugin and leaves no handlers', async () => {
		const { app, plugin, search } = await setup();
		plugin.unload();
		expect(app.workspace.getLeavesOfType(RELATED_VIEW_TYPE)).toEqual([]);
		expect(search.listenerCount).toBe(0);
		expect(app.workspace.listenerCount() + app.vault.listenerCount() + app.metadataCache.listenerCount()).toBe(0);
	});

	it('asks Page preview for the note at its passage when a row is hovered', async () => {
		const { app, view, content } = await setup();
		const asked: Record<string, unknown>[] = [];
		app.workspace.on('hover-link', (info: Record<string, unknown>) => asked.push(info));
		const row = content.byClass('sns-related-row')[0];
		row.dispatch('mouseover');
		expect(asked).toHaveLength(1);
		expect(asked[0]).toMatchObject({ source: 'semantic-note-search', linktext: 'B.md', targetEl: row, hoverParent: view });
		expect(view.hoverPopover).toBeNull();
	});

	it('offers "Hide notes already linked" and remembers the choice', async () => {
		toggle.hidden = false;
		const { content } = await setup();
		const label = content.byClass('sns-hide-linked')[0];
		expect(label.getText()).toContain('Hide notes already linked');
		const box = label.findAll((e) => e.tagName === 'input')[0] as unknown as { checked: boolean } & FakeElement;
		expect(box.checked).toBe(false);
		box.checked = true;
		box.dispatch('change');
		expect(toggle.hidden).toBe(true);
		toggle.hidden = false;
	});
});

