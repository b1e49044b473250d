import { Notice } from 'obsidian';
import type { IndexReport } from '../../core/index/types';
import { isModelUnavailable, userMessage } from '../runtime/errors';
import { count } from './progress-text';

/** The notice at the end of a run; undefined when an unchanged vault was checked (no news). */
export function reportMessage(report: IndexReport, always: boolean): string | undefined {
	const failed = report.failed.length;
	if (!always && report.embedded === 0 && failed === 0 && report.removed === 0) return undefined;
	let text = `Semantic index ready: ${count.format(report.notes)} notes, ${count.format(report.embedded)} passages embedded`;
	if (failed > 0) text += `, ${count.format(failed)} failed (see "Show index status")`;
	return `${text}.`;
}

/** Long enough to read the missing-model message, which says what to do; it is not sticky. */
export const MODEL_NOTICE_MS = 20_000;

/**
 * Runs index jobs one at a time and reports their outcome as notices. A missing model is reported
 * once per session (again only after a model setting changed, replacing the earlier notice), and
 * never as a stack trace.
 */
export class IndexJobs {
	private running: Promise<void> = Promise.resolve();
	private modelNotice: Notice | null = null;
	private modelNoticeShown = false;
	private stopped = false;

	/** `wasCancelled` tells a run the user cancelled from one that finished. */
	constructor(private readonly wasCancelled: () => boolean = () => false) {}

	run(job: () => Promise<IndexReport>, options: { announce: boolean }): Promise<void> {
		this.running = this.running.then(async () => {
			if (this.stopped) return;
			try {
				const report = await job();
				if (this.stopped) return;
				if (this.wasCancelled()) {
					new Notice(`Indexing cancelled after ${count.format(report.embedded)} passages; the rest is indexed on the next sync.`);
					return;
				}
				const message = reportMessage(report, options.announce);
				if (message) new Notice(message);
			} catch (error) {
				this.fail(error);
			}
		});
		return this.running;
	}

	/** Plugin unload: runs that end because the worker stopped must not report anything. */
	stop(): void {
		this.stopped = true;
		this.modelNotice?.hide(); // about a plugin that is no longer running
	}

	fail(error: unknown): void {
		if (this.stopped) return;
		if (isModelUnavailable(error)) {
			if (this.modelNoticeShown) return;
			this.modelNoticeShown = true;
			this.modelNotice?.hide();
			this.modelNotice = new Notice(`${userMessage(error)} See the plugin settings.`, MODEL_NOTICE_MS);
			return;
		}
		console.error('Semantic note search: indexing failed', error);
		new Notice(`Indexing stopped: ${userMessage(error)}`);
	}

	/** After a settings change the user may have fixed the model: report it again if not. */
	resetModelNotice(): void {
		this.modelNoticeShown = false;
	}
}
