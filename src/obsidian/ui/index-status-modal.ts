import { Modal, type App } from 'obsidian';
import { userMessage } from '../runtime/errors';
import type { IndexPort, PluginIndexStatus } from '../runtime/ports';
import { count, progressText } from './progress-text';

/** The loaded model's check against Python, and the way past a failed one. */
export interface ModelCheckActions {
	check(): { line: string | undefined; blocking: boolean; device?: string };
	/** Index with the model although it failed its check (remembered for those model files). */
	useAnyway(): void;
}

/** Counts, the current run, the model check and every note that failed with its reason. */
export class IndexStatusModal extends Modal {
	/** Resolves once the status is on screen (tests wait for it). */
	rendered: Promise<void> = Promise.resolve();

	constructor(
		app: App,
		private readonly index: IndexPort,
		private readonly model: ModelCheckActions,
	) {
		super(app);
	}

	onOpen(): void {
		this.titleEl.setText('Semantic index status');
		this.contentEl.addClass('sns-status-modal');
		this.contentEl.createEl('p', { text: 'Reading the index…', cls: 'sns-muted' });
		this.rendered = this.index.status().then(
			(status) => this.render(status),
			(error: unknown) => {
				this.contentEl.empty();
				this.contentEl.createEl('p', { text: `The index status could not be read: ${userMessage(error)}` });
			},
		);
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private render(status: PluginIndexStatus): void {
		const el = this.contentEl;
		el.empty();
		if (status.modelProblem) el.createEl('p', { cls: 'sns-warning', text: status.modelProblem });
		const check = this.model.check();
		if (check.line) el.createEl('p', { cls: check.blocking ? 'sns-warning sns-model-check' : 'sns-model-check', text: check.line });
		if (check.device) el.createEl('p', { cls: 'sns-compute-device', text: check.device });
		if (check.blocking) {
			const button = el.createEl('button', { cls: 'mod-warning', text: 'Use this model anyway' });
			button.addEventListener('click', () => {
				this.model.useAnyway();
				this.close();
			});
		}
		const notices = status.notices ?? [];
		const rows: [string, string][] = [
			['Indexed notes', count.format(status.indexed)],
			['Passages', count.format(status.passages)],
			['Failed notes', count.format(status.failed.length)],
			...(notices.length > 0 ? [['Partly indexed notes', count.format(notices.length)] as [string, string]] : []),
			['Edits waiting', count.format(status.pending)],
		];
		const running = progressText(status.progress);
		rows.push(['Current run', running === '' ? 'Not running' : running]);
		const r = status.lastReport;
		if (r) {
			rows.push([
				'Last run',
				`${count.format(r.embedded)} passages embedded, ${count.format(r.reused)} notes unchanged, ` +
					`${count.format(r.renamed)} renamed, ${count.format(r.removed)} removed in ${r.seconds.toFixed(1)} s`,
			]);
		}
		const table = el.createEl('table', { cls: 'sns-status-table' });
		for (const [name, value] of rows) {
			const tr = table.createEl('tr');
			tr.createEl('th', { text: name });
			tr.createEl('td', { text: value });
		}
		noteList(el, 'These notes are in the index with a limitation:', 'sns-notice-list', notices.map((n) => [n.path, n.notice]));
		noteList(el, 'These notes could not be indexed. They are retried when their content changes.', 'sns-failed-list', status.failed.map((f) => [f.path, f.reason]));
	}
}

/** An introduced list of notes, each with why it is listed; nothing when there are none. */
function noteList(el: HTMLElement, intro: string, cls: string, notes: [path: string, why: string][]): void {
	if (notes.length === 0) return;
	el.createEl('p', { text: intro });
	const list = el.createEl('ul', { cls: ['sns-note-list', cls] });
	for (const [path, why] of notes) {
		const li = list.createEl('li');
		li.createSpan({ text: path, cls: 'sns-note-path' });
		li.createSpan({ text: ` — ${why}`, cls: 'sns-muted' });
	}
}
