import { describe, expect, it } from 'vitest';
import type { WordMatch } from '../../../src/core/search/lexical-index';
import { SemanticSearchModal } from '../../../src/obsidian/ui/search-modal';
import { FakeSearch, result } from '../../helpers/obsidian-fakes';
import { asApp, asView, openNote, shimSuggest } from '../../helpers/obsidian-harness';
import { App, MarkdownView, type FakeElement } from '../../shims/obsidian';

const CLUSTER = '# Cluster\nIntro.\n\n## Upgrade\nThe Kubernetes upgrade needs a drain first.\n';
const start = CLUSTER.indexOf('The Kubernetes');

const match = (path: string, partial: Partial<WordMatch> = {}): WordMatch => ({
	path,
	words: ['kubernetes'],
	score: 3.2,
	heading: 'Cluster > Upgrade',
	snippet: 'The Kubernetes upgrade needs a drain first.',
	start,
	end: start + 10,
	...partial,
});

async function setup() {
	const app = new App();
	await app.vault.create('Work/Cluster.md', CLUSTER);
	await app.vault.create('Journal.md', 'Today I planned.\n');
	const journal = await openNote(app, 'Journal.md');
	const search = new FakeSearch();
	const modal = shimSuggest(new SemanticSearchModal(asApp(app), search, asView(journal), 1));
	modal.open();
	return { app, search, modal };
}

const headings = (modal: { resultContainerEl: FakeElement }) => modal.resultContainerEl.byClass('sns-section-heading');
const wordRows = (modal: { resultContainerEl: FakeElement }) => modal.resultContainerEl.byClass('sns-word-match');

describe('search modal: "Contains your words"', () => {
	it('shows no section, not even its heading, when no note below the threshold holds the words', async () => {
		const { modal, search } = await setup();
		search.answer = () => ({ results: [result('Journal.md')], containsWords: [] });
		await modal.setQuery('planning');
		expect(headings(modal)).toEqual([]);
		expect(wordRows(modal)).toEqual([]);
		expect(modal.resultContainerEl.byClass('sns-result')).toHaveLength(1);
	});

	it('lists the section after every result by meaning, under one heading, with the words each note holds', async () => {
		const { modal, search } = await setup();
		search.answer = () => ({ results: [result('Journal.md')], containsWords: [match('Work/Cluster.md'), match('Work/Other.md', { words: ['kubernetes', 'drain'] })] });
		await modal.setQuery('kubernetes drain');
		const all = modal.resultContainerEl.byClass('sns-result');
		expect(all.map((el) => el.hasClass('sns-word-match'))).toEqual([false, true, true]);
		expect(headings(modal).map((h) => h.getText())).toEqual(['Contains your words']);
		expect(all[1].byClass('sns-section-heading')).toHaveLength(1);
		const [first, second] = wordRows(modal);
		expect(first.byClass('sns-result-title')[0].getText()).toBe('Cluster');
		expect(first.byClass('sns-words')[0].getText()).toBe('kubernetes');
		expect(second.byClass('sns-words')[0].getText()).toBe('kubernetes, drain');
		expect(first.byClass('sns-band')).toEqual([]);
		expect(first.byClass('sns-result-heading')[0].getText()).toBe('Cluster > Upgrade');
	});

	it('says why nothing is listed by meaning when only the section has notes', async () => {
		const { modal, search } = await setup();
		search.answer = () => ({ results: [], reason: 'below-threshold', containsWords: [match('Work/Cluster.md')] });
		await modal.setQuery('kubernetes');
		expect(headings(modal)[0].getText()).toBe(
			'No notes are similar enough to “kubernetes” (minimum similarity 0.43); you can lower the threshold in settings.Contains your words',
		);
	});

	it('opens a section row at its passage like a result row, and in a new tab with Mod', async () => {
		const { app, modal, search } = await setup();
		search.answer = () => ({ results: [result('Journal.md')], containsWords: [match('Work/Cluster.md')] });
		await modal.setQuery('kubernetes');
		modal.clickSuggestion(1);
		await new Promise((r) => setTimeout(r, 0));
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		expect(view?.file?.path).toBe('Work/Cluster.md');
		expect(view?.editor.getCursor()).toEqual({ line: 4, ch: 0 });
		expect(app.workspace.leaves).toHaveLength(1);

		modal.open();
		await modal.setQuery('kubernetes');
		modal.clickSuggestion(1, { ctrlKey: true });
		await new Promise((r) => setTimeout(r, 0));
		expect(app.workspace.leaves).toHaveLength(2);
	});
});
