import { describe, expect, it } from 'vitest';
import type { PassageAnswer } from '../../../src/core/answer/types';
import type { SearchResult } from '../../../src/core/search/types';
import { SemanticSearchModal } from '../../../src/obsidian/ui/search-modal';
import { FakeSearch, result } from '../../helpers/obsidian-fakes';
import { asApp, shimSuggest } from '../../helpers/obsidian-harness';
import { App, type FakeElement } from '../../shims/obsidian';

/** A search port whose answers wait until the test gives them, so the order of events is the test's. */
class AnsweringSearch extends FakeSearch {
	asked: { query: Float32Array; path: string; give: (answer: PassageAnswer | undefined) => void }[] = [];
	findAnswer(query: Float32Array, r: SearchResult): Promise<PassageAnswer | undefined> {
		return new Promise((give) => this.asked.push({ query, path: r.path, give }));
	}
}

const QUERY_VECTOR = new Float32Array([0.6, 0.8]);
const ANSWER: PassageAnswer = {
	sentences: ['Deep work needs long blocks.'],
	parts: [
		{ text: 'Plan the week first. ', answer: false },
		{ text: 'Deep work needs long blocks.', answer: true },
		{ text: ' Then rest.', answer: false },
	],
};

function setup(debounceMs = 1) {
	const search = new AnsweringSearch();
	search.answer = (query) => ({
		results: [result(`${query}/Deep work.md`, { snippet: 'Plan the week first. Deep work…' }), result(`${query}/Journal.md`)],
		query: QUERY_VECTOR,
	});
	const modal = shimSuggest(new SemanticSearchModal(asApp(new App()), search, null, debounceMs));
	modal.open();
	return { search, modal };
}

const rows = (modal: { resultContainerEl: FakeElement }): FakeElement[] => modal.resultContainerEl.byClass('sns-result');
const snippetOf = (row: FakeElement): FakeElement => row.byClass('sns-result-snippet')[0];
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('search modal answers', () => {
	it('shows the rows first, then marks the answer sentences inside the snippet', async () => {
		const { search, modal } = setup();
		await modal.setQuery('focus');
		const [first] = rows(modal);
		expect(snippetOf(first).getText()).toBe('Plan the week first. Deep work…');
		expect(first.byClass('sns-answer')).toEqual([]);
		expect(search.asked.map((a) => [a.path, a.query])).toEqual([['focus/Deep work.md', QUERY_VECTOR]]);

		search.asked[0].give(ANSWER);
		await tick();
		const snippet = snippetOf(rows(modal)[0]);
		expect(snippet.getText()).toBe('Plan the week first. Deep work needs long blocks. Then rest.');
		const marks = snippet.byClass('sns-answer');
		expect(marks.map((m) => [m.tagName, m.getText()])).toEqual([['mark', 'Deep work needs long blocks.']]);
	});

	it('asks for one row at a time, best row first, and keeps the plain snippet of a row without an answer', async () => {
		const { search, modal } = setup();
		await modal.setQuery('focus');
		expect(search.asked).toHaveLength(1);
		search.asked[0].give(undefined);
		await tick();
		expect(search.asked.map((a) => a.path)).toEqual(['focus/Deep work.md', 'focus/Journal.md']);
		expect(snippetOf(rows(modal)[0]).getText()).toBe('Plan the week first. Deep work…');
		expect(modal.resultContainerEl.byClass('sns-answer')).toEqual([]);
	});

	it('drops an answer that arrives after a newer query, and asks nothing more for the old one', async () => {
		const { search, modal } = setup();
		await modal.setQuery('focus');
		const old = search.asked[0];
		await modal.setQuery('sleep');
		old.give(ANSWER);
		await tick();
		expect(rows(modal).map((r) => r.byClass('sns-result-title')[0].getText())).toEqual(['Deep work', 'Journal']);
		expect(modal.resultContainerEl.byClass('sns-answer')).toEqual([]);
		expect(search.asked.map((a) => a.path)).toEqual(['focus/Deep work.md', 'sleep/Deep work.md']);
	});

	it('drops an answer that arrives once typing has started, while the old rows are still shown', async () => {
		const { search, modal } = setup(30);
		await modal.setQuery('focus');
		const [first] = rows(modal);
		const typing = modal.getSuggestions('sleep');
		search.asked[0].give(ANSWER);
		await tick();
		expect(rows(modal)[0]).toBe(first);
		expect(first.byClass('sns-answer')).toEqual([]);
		await typing;
	});

	it('drops an answer that arrives after the modal closed', async () => {
		const { search, modal } = setup();
		await modal.setQuery('focus');
		const [first] = rows(modal);
		modal.close();
		search.asked[0].give(ANSWER);
		await tick();
		expect(first.byClass('sns-answer')).toEqual([]);
		expect(search.asked).toHaveLength(1);
	});
});
