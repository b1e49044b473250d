import { describe, expect, it } from 'vitest';
import { IndexStatusModal } from '../../../src/obsidian/ui/index-status-modal';
import { FakeIndex, report } from '../../helpers/obsidian-fakes';
import { asApp, el } from '../../helpers/obsidian-harness';
import { App } from '../../shims/obsidian';

describe('index status modal', () => {
	it('lists counts, the last run and every failed note with its reason', async () => {
		const app = new App();
		const index = new FakeIndex();
		index.statusValue = {
			notes: 1203,
			indexed: 1201,
			passages: 4810,
			failed: [
				{ path: 'big/Export.md', reason: 'note could not be read: EACCES' },
				{ path: 'Weird.md', reason: 'embedding returned non-finite values' },
			],
			state: 'idle',
			pending: 1,
			progress: { done: 0, total: 0, state: 'idle' },
			lastReport: report({ notes: 1203, embedded: 12, reused: 1190, renamed: 1, removed: 2, seconds: 3.25 }),
		};
		const modal = new IndexStatusModal(asApp(app), index);
		modal.open();
		await modal.rendered;
		const text = modal.contentEl.getText();
		expect(modal.titleEl.getText()).toBe('Semantic index status');
		expect(text).toContain('Indexed notes1,201');
		expect(text).toContain('Passages4,810');
		expect(text).toContain('Failed notes2');
		expect(text).toContain('Edits waiting1');
		expect(text).toContain('Current runNot running');
		expect(text).toContain('12 passages embedded, 1,190 notes unchanged, 1 renamed, 2 removed in 3.3 s');
		const failed = el(modal.contentEl).byClass('sns-failed-list')[0].children.map((li) => li.getText());
		expect(failed).toEqual(['big/Export.md — note could not be read: EACCES', 'Weird.md — embedding returned non-finite values']);
	});

	it('lists notes that are only partly indexed, with what was kept', async () => {
		const app = new App();
		const index = new FakeIndex();
		index.statusValue = { ...index.statusValue, indexed: 2, notices: [{ path: 'Archive/Letters.md', notice: 'partly indexed: first 256 of 8,925 passages' }] };
		const modal = new IndexStatusModal(asApp(app), index);
		modal.open();
		await modal.rendered;
		expect(modal.contentEl.getText()).toContain('Partly indexed notes1');
		const listed = el(modal.contentEl).byClass('sns-notice-list')[0].children.map((li) => li.getText());
		expect(listed).toEqual(['Archive/Letters.md — partly indexed: first 256 of 8,925 passages']);
	});

	it('says what is wrong with the model when it is unavailable', async () => {
		const app = new App();
		const index = new FakeIndex();
		index.statusValue = { ...index.statusValue, modelProblem: 'The embedding model (all-MiniLM-L6-v2) is not available.' };
		const modal = new IndexStatusModal(asApp(app), index);
		modal.open();
		await modal.rendered;
		expect(el(modal.contentEl).byClass('sns-warning')[0].getText()).toContain('is not available');
	});
});
