import { MarkdownView, type Plugin } from 'obsidian';
import { ConfirmModal } from './confirm-modal';
import { IndexStatusModal } from './index-status-modal';
import type { IndexJobs } from './index-jobs';
import type { Runtime } from './ports';
import { revealRelatedView } from './related-view';
import { SemanticSearchModal } from './search-modal';

/** Opens the reindex confirmation; the rebuild starts only after the user confirms. */
export function confirmReindex(plugin: Plugin, runtime: Runtime, jobs: IndexJobs): void {
	new ConfirmModal(plugin.app, {
		title: 'Reindex vault',
		message: 'Every stored vector is dropped and every note embedded again. This can take a while on a large vault; search keeps working with the notes already done.',
		confirm: 'Reindex',
		onConfirm: () => void jobs.run(() => runtime.index.rebuild(), { announce: true }),
	}).open();
}

export function showIndexStatus(plugin: Plugin, runtime: Runtime): void {
	new IndexStatusModal(plugin.app, runtime.index).open();
}

/** Every command; none has a default hotkey (users choose their own). */
export function registerCommands(plugin: Plugin, runtime: Runtime, jobs: IndexJobs): void {
	const { app } = plugin;
	const index = runtime.index;
	plugin.addCommand({
		id: 'search',
		name: 'Semantic search',
		callback: () => new SemanticSearchModal(app, runtime.search, app.workspace.getActiveViewOfType(MarkdownView)).open(),
	});
	plugin.addCommand({ id: 'open-related-notes', name: 'Open related notes', callback: () => void revealRelatedView(app) });
	plugin.addCommand({ id: 'reindex-vault', name: 'Reindex vault', callback: () => confirmReindex(plugin, runtime, jobs) });
	plugin.addCommand({ id: 'show-index-status', name: 'Show index status', callback: () => showIndexStatus(plugin, runtime) });
	plugin.addCommand({
		id: 'pause-indexing',
		name: 'Pause indexing',
		checkCallback: (checking) => {
			if (index.progress().state !== 'indexing') return false;
			if (!checking) index.pause();
			return true;
		},
	});
	plugin.addCommand({
		id: 'resume-indexing',
		name: 'Resume indexing',
		checkCallback: (checking) => {
			if (index.progress().state !== 'paused') return false;
			if (!checking) index.resume();
			return true;
		},
	});
	plugin.addCommand({
		id: 'cancel-indexing',
		name: 'Cancel indexing',
		checkCallback: (checking) => {
			const state = index.progress().state;
			if (state !== 'indexing' && state !== 'paused') return false;
			if (!checking) index.cancel();
			return true;
		},
	});
}
