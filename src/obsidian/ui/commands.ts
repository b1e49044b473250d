import { MarkdownView, type Plugin } from 'obsidian';
import type { IndexProgress } from '../../core/index/types';
import { ConfirmModal } from './confirm-modal';
import { IndexStatusModal, type ModelCheckActions } from './index-status-modal';
import type { IndexJobs } from './index-jobs';
import type { Runtime } from '../runtime/ports';
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

export function showIndexStatus(plugin: Plugin, runtime: Runtime, jobs: IndexJobs): void {
	const model: ModelCheckActions = {
		check: () => runtime.modelCheck(),
		useAnyway: () => void jobs.run(() => runtime.useModelAnyway(), { announce: true }),
	};
	new IndexStatusModal(plugin.app, runtime.index, model).open();
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
	plugin.addCommand({ id: 'show-index-status', name: 'Show index status', callback: () => showIndexStatus(plugin, runtime, jobs) });
	// Run controls: each is offered only in the states where it does something.
	const controls: { id: string; name: string; when: readonly IndexProgress['state'][]; act: () => void }[] = [
		{ id: 'pause-indexing', name: 'Pause indexing', when: ['indexing'], act: () => index.pause() },
		{ id: 'resume-indexing', name: 'Resume indexing', when: ['paused'], act: () => index.resume() },
		{ id: 'cancel-indexing', name: 'Cancel indexing', when: ['indexing', 'paused'], act: () => index.cancel() },
	];
	for (const { id, name, when, act } of controls) {
		plugin.addCommand({
			id,
			name,
			checkCallback: (checking) => {
				if (!when.includes(index.progress().state)) return false;
				if (!checking) act();
				return true;
			},
		});
	}
}
