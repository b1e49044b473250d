import { describe, expect, it } from 'vitest';
import { ModelNotAvailableError } from '../../../src/core/embedding/errors';
import { SemanticSearchModal } from '../../../src/obsidian/ui/search-modal';
import { FakeSearch, result } from '../../helpers/obsidian-fakes';
import { asApp, asView, openNote, shimSuggest } from '../../helpers/obsidian-harness';
import { App, MarkdownView, Notice, type FakeElement } from '../../shims/obsidian';

const TARGET = '# Intro\nSome words.\n\n## Focus blocks\nDeep work needs long blocks.\n';

async function setup() {
	const app = new App();
	await app.vault.create('Projects/Deep work.md', TARGET);
	await app.vault.create('Journal.md', 'Today I planned.\n');
	const journal = await openNote(app, 'Journal.md');
	journal.editor.setCursor({ line: 1, ch: 0 });
	const search = new FakeSearch();
	const start = TARGET.indexOf('Deep work needs');
	search.answer = () => ({
		results: [
			result('Projects/Deep work.md', { heading: 'Intro > Focus blocks', snippet: 'Deep work needs long blocks.', band: 'strong', start, end: start + 10 }),
			result('Journal.md', { band: 'related', score: 0.45 }),
		],
	});
	const real = new SemanticSearchModal(asApp(app), search, asView(journal), 1);
	const modal = shimSuggest(real);
	modal.open();
	return { app, search, modal, real, journal, start };
}

const rows = (modal: { resultContainerEl: FakeElement }): FakeElement[] => modal.resultContainerEl.byClass('sns-result');

describe('search modal', () => {
	it('renders title, heading, snippet and band label for each result', async () => {
		const { modal } = await setup();
		await modal.setQuery('focus');
		const [first, second] = rows(modal);
		expect(first.byClass('sns-result-title')[0].getText()).toBe('Deep work');
		expect(first.byClass('sns-result-heading')[0].getText()).toBe('Intro > Focus blocks');
		expect(first.byClass('sns-result-snippet')[0].getText()).toBe('Deep work needs long blocks.');
		expect(first.byClass('sns-band')[0].getText()).toBe('Strong match');
		expect(second.byClass('sns-band')[0].getText()).toBe('Related');
	});

	it('debounces typing: only the last query is searched and every caller gets its answer', async () => {
		const { modal, real, search } = await setup();
		const typing = ['f', 'fo', 'foc'].map((q) => real.getSuggestions(q));
		await modal.setQuery('focus');
		const answers = await Promise.all(typing);
		expect(search.queries).toEqual(['focus']);
		expect(answers.every((a) => a.length === 2)).toBe(true);
	});

	it('Enter opens the note scrolled to the passage with the cursor on its start', async () => {
		const { app, modal } = await setup();
		await modal.setQuery('focus');
		modal.scope.press([], 'Enter');
		await new Promise((r) => setTimeout(r, 0));
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		expect(view?.file?.path).toBe('Projects/Deep work.md');
		expect(view?.eState).toMatchObject({ line: 4 });
		expect(view?.editor.getCursor()).toEqual({ line: 4, ch: 0 });
		expect(view?.editor.scrolledTo?.from).toEqual({ line: 4, ch: 0 });
		expect(app.openModals).toEqual([]);
	});

	it('Alt+Enter inserts a link to the passage into the editor that was active', async () => {
		const { modal, journal } = await setup();
		await modal.setQuery('focus');
		modal.scope.press(['Alt'], 'Enter');
		expect(journal.editor.getValue()).toBe('Today I planned.\n[[Deep work#Focus blocks]]');
		expect(journal.file?.path).toBe('Journal.md');
	});

	it('does not write a link into a note shown in Reading view, and says why', async () => {
		const { modal, journal } = await setup();
		Notice.shown = [];
		journal.mode = 'preview';
		await modal.setQuery('focus');
		modal.scope.press(['Alt'], 'Enter');
		expect(journal.editor.getValue()).toBe('Today I planned.\n');
		expect(Notice.shown.map((n) => n.message)).toEqual(['Switch the note to editing view to insert a link.']);
	});

	it('Mod+Enter and Mod+click open the note in a new tab, leaving the current one', async () => {
		const { app, modal, journal } = await setup();
		await modal.setQuery('focus');
		modal.scope.press(['Mod'], 'Enter');
		await new Promise((r) => setTimeout(r, 0));
		expect(app.workspace.getActiveViewOfType(MarkdownView)?.file?.path).toBe('Projects/Deep work.md');
		expect(app.workspace.leaves.map((l) => (l.view as MarkdownView).file?.path)).toEqual(['Journal.md', 'Projects/Deep work.md']);
		expect(journal.editor.getValue()).toBe('Today I planned.\n');
		modal.open();
		await modal.setQuery('focus');
		modal.clickSuggestion(1, { ctrlKey: true });
		await new Promise((r) => setTimeout(r, 0));
		expect(app.workspace.leaves).toHaveLength(3);
	});

	it('a Mod+Enter on an empty list does not turn the next Enter into a link', async () => {
		const { app, modal, journal } = await setup();
		modal.scope.press(['Mod'], 'Enter');
		modal.scope.press(['Alt'], 'Enter');
		await modal.setQuery('focus');
		expect(journal.editor.getValue()).toBe('Today I planned.\n');
		modal.scope.press([], 'Enter');
		await new Promise((r) => setTimeout(r, 0));
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		expect(view?.file?.path).toBe('Projects/Deep work.md');
		expect(view?.editor.getValue()).toBe(TARGET);
	});

	it('an Enter that ends an IME composition chooses nothing', async () => {
		const { app, modal } = await setup();
		await modal.setQuery('focus');
		modal.scope.press([], 'Enter', { isComposing: true });
		modal.scope.press(['Alt'], 'Enter', { isComposing: true });
		expect(app.openModals).toHaveLength(1);
		expect(app.workspace.getActiveViewOfType(MarkdownView)?.file?.path).toBe('Journal.md');
	});

	it('shows the keys in the instructions', async () => {
		const { modal } = await setup();
		expect(modal.instructions).toEqual([
			{ command: '↑↓', purpose: 'to navigate' },
			{ command: '↵', purpose: 'to open' },
			{ command: 'Ctrl ↵', purpose: 'to open in a new tab' },
			{ command: 'Alt ↵', purpose: 'to insert a link' },
			{ command: 'esc', purpose: 'to dismiss' },
		]);
	});

	it('explains an empty list instead of showing nothing', async () => {
		const { modal, search } = await setup();
		search.answer = () => ({ results: [], reason: 'below-threshold' });
		await modal.setQuery('quantum gravity');
		expect(rows(modal)).toEqual([]);
		expect(modal.resultContainerEl.getText()).toBe(
			'No notes are similar enough to “quantum gravity” (minimum similarity 0.43); you can lower the threshold in settings.',
		);
		await modal.setQuery('   ');
		expect(modal.resultContainerEl.getText()).toBe('Type a few words to search your notes by meaning.');
	});

	it('does not search for a query cleared before the pause', async () => {
		const { modal, search } = await setup();
		const typed = modal.setQuery('focus');
		await modal.setQuery('');
		await typed;
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(search.queries).toEqual([]);
		expect(modal.resultContainerEl.getText()).toBe('Type a few words to search your notes by meaning.');
	});

	it('shows the model problem as one readable sentence, not a stack trace', async () => {
		const { modal, search } = await setup();
		search.answer = () => new ModelNotAvailableError(['the folder /nowhere'], 'onnx/model.onnx');
		await modal.setQuery('focus');
		const text = modal.resultContainerEl.getText();
		expect(text).toContain('The embedding model (all-MiniLM-L6-v2) is not available');
		expect(text).not.toMatch(/\n\s+at /);
	});
});
