import { describe, expect, it } from 'vitest';
import { IndexStatusModal } from '../../../src/obsidian/ui/index-status-modal';
import { FakeIndex, report } from '../../helpers/obsidian-fakes';
import { asApp, el } from '../../helpers/obsidian-harness';
import { App } from '../../shims/obsidian';

/** Before any model was loaded there is no check to show. */
const noCheckYet = { check: () => ({ line: undefined, blocking: false }), useAnyway: () => undefined };

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
		const modal = new IndexStatusModal(asApp(app), index, noCheckYet);
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
		const modal = new IndexStatusModal(asApp(app), index, noCheckYet);
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
		const modal = new IndexStatusModal(asApp(app), index, noCheckYet);
		modal.open();
		await modal.rendered;
		expect(el(modal.contentEl).byClass('sns-warning')[0].getText()).toContain('is not available');
	});

	it('shows the model check, and for a failed one offers to use the model anyway', async () => {
		const app = new App();
		let used = 0;
		const failed = {
			check: () => ({ line: 'Model check: 3 of 12 pairs match Python within 0.001 (fp32). Worst: "a" / "b" scores 0.9000, Python 0.1000', blocking: true }),
			useAnyway: () => void used++,
		};
		const modal = new IndexStatusModal(asApp(app), new FakeIndex(), failed);
		modal.open();
		await modal.rendered;
		expect(el(modal.contentEl).byClass('sns-model-check')[0].getText()).toMatch(/^Model check: 3 of 12 pairs/);
		const button = el(modal.contentEl).findAll((e) => e.tagName === 'button' && e.getText() === 'Use this model anyway')[0];
		expect(button).toBeDefined();
		button?.dispatch('click');
		expect(used).toBe(1);

		const passed = { check: () => ({ line: 'Model check: 12 of 12 pairs match Python within 0.001 (fp32)', blocking: false }), useAnyway: () => undefined };
		const ok = new IndexStatusModal(asApp(app), new FakeIndex(), passed);
		ok.open();
		await ok.rendered;
		expect(ok.contentEl.getText()).toContain('Model check: 12 of 12 pairs match Python within 0.001 (fp32)');
		expect(el(ok.contentEl).findAll((e) => e.tagName === 'button')).toEqual([]);
	});
});
