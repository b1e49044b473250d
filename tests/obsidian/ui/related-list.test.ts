import { describe, expect, it } from 'vitest';
import { RelatedList, type RelatedOutcome } from '../../../src/obsidian/ui/related-list';
import { result } from '../../helpers/obsidian-fakes';
import { asApp } from '../../helpers/obsidian-harness';
import { App, FakeElement, MarkdownView } from '../../shims/obsidian';
import type { SearchResult } from '../../../src/core/search/types';

const answer = (...results: SearchResult[]): RelatedOutcome => ({ answer: { results } });

function setup() {
	const app = new App();
	const el = new FakeElement('div');
	const hoverParent = { hoverPopover: null };
	const list = new RelatedList(el as unknown as HTMLElement, asApp(app), hoverParent);
	const rows = () => el.byClass('sns-related-row');
	const shown = () =>
		rows().map((row) => [
			row.byClass('sns-result-title')[0].getText(),
			row.byClass('sns-band')[0].className,
			row.byClass('sns-band')[0].getAttr('aria-label'),
			row.byClass('sns-result-heading').map((h) => h.getText()),
			row.byClass('sns-result-snippet').map((s) => s.getText()),
		]);
	return { app, el, list, rows, shown, hoverParent };
}

describe('a related-notes list shown again', () => {
	it('keeps its rows and shows the new results in them, adding and removing rows as the count changes', () => {
		const { list, rows, shown } = setup();
		list.show('A.md', answer(result('B.md', { heading: 'Intro' }), result('C.md')), 0.4);
		const [first, second] = rows();
		list.show('A.md', answer(result('D.md', { score: 0.5, band: 'related', heading: 'Intro', snippet: 'other' }), result('C.md'), result('E.md', { heading: 'End' })), 0.4);
		expect(rows().slice(0, 2)).toEqual([first, second]);
		expect(shown()).toEqual([
			['D', 'sns-band sns-band-related', 'Similarity 0.50', ['Intro'], ['other']],
			['C', 'sns-band sns-band-strong', 'Similarity 0.70', [], ['Snippet of C.md']],
			['E', 'sns-band sns-band-strong', 'Similarity 0.70', ['End'], ['Snippet of E.md']],
		]);
		list.show('A.md', answer(result('C.md', { heading: 'Now with a heading', snippet: '' })), 0.4);
		expect(rows()).toEqual([first]);
		expect(shown()).toEqual([['C', 'sns-band sns-band-strong', 'Similarity 0.70', ['Now with a heading'], []]]);
		expect(first.children.map((c) => c.className)).toEqual(['sns-result-top', 'sns-result-heading']);
	});

	it('acts on the result a kept row shows now: click, drag and hover', async () => {
		const { app, list, rows, hoverParent } = setup();
		await app.vault.create('B.md', 'beta');
		await app.vault.create('C.md', 'gamma');
		list.show('A.md', answer(result('B.md')), 0.4);
		list.show('A.md', answer(result('C.md', { heading: 'Part' })), 0.4);
		const row = rows()[0];
		const hovers: Record<string, unknown>[] = [];
		app.workspace.on('hover-link', (info: Record<string, unknown>) => hovers.push(info));
		row.byClass('sns-result-title')[0].dispatch('mouseover');
		expect(hovers).toEqual([expect.objectContaining({ linktext: 'C.md#Part', targetEl: row, hoverParent })]);
		const data = new Map<string, string>();
		row.dispatch('dragstart', { dataTransfer: { setData: (type: string, value: string) => data.set(type, value), effectAllowed: '' } });
		expect(data.get('text/plain')).toBe('[[C]]');
		row.dispatch('click');
		await new Promise((r) => setTimeout(r, 5));
		expect(app.workspace.getActiveViewOfType(MarkdownView)?.file?.path).toBe('C.md');
	});

	it('switches between the sentence saying why there are no rows and the rows', () => {
		const { el, list, rows } = setup();
		list.show('A.md', answer(result('B.md')), 0.4);
		list.show('A.md', { answer: { results: [], reason: 'below-threshold' } }, 0.5);
		expect(rows()).toEqual([]);
		expect(el.byClass('sns-empty').map((e) => e.getText())).toEqual(['No notes are similar enough to “A” (minimum similarity 0.50); you can lower the threshold in settings.']);
		list.show('A.md', { error: new Error('The embedding model is not available.') }, 0.5);
		expect(el.byClass('sns-empty').map((e) => e.getText())).toEqual(['The embedding model is not available.']);
		list.show('A.md', answer(result('B.md')), 0.4);
		expect(el.children.map((c) => c.className)).toEqual(['sns-related-list']);
		expect(rows().map((r) => r.getText())).toEqual(['BStrong matchSnippet of B.md']);
	});
});
