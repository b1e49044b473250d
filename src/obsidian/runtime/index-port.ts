import { TFile, type App } from 'obsidian';
import type { VaultFile } from '../../core/index/types';
import type { LazySession } from './lazy-session';
import type { IndexPort, PluginIndexStatus } from './ports';

function vaultFile(app: App, path: string): VaultFile | undefined {
	const file = app.vault.getAbstractFileByPath(path);
	return file instanceof TFile ? { path: file.path, mtime: file.stat.mtime, size: file.stat.size } : undefined;
}

/**
 * The status bar's, commands' and vault events' port onto the session. Before the model is
 * loaded, vault events are not queued: the sync that opens the session reconciles them.
 */
export function indexPort(app: App, lazy: LazySession): IndexPort {
	return {
		progress: () => lazy.progress,
		onProgress: (listener) => lazy.onProgress(listener),
		status: async () => {
			const extra = { progress: lazy.progress, lastReport: lazy.lastReport, modelProblem: lazy.modelProblem };
			const session = lazy.current();
			if (!session) return { notes: 0, indexed: 0, passages: 0, failed: [], notices: [], state: lazy.progress.state, pending: 0, ...extra };
			return { ...(await session.status()), ...extra } satisfies PluginIndexStatus;
		},
		pause: () => lazy.current()?.pause(),
		resume: () => lazy.current()?.resume(),
		cancel: () => lazy.current()?.cancel(),
		sync: () => lazy.run((session) => session.sync()),
		rebuild: () => lazy.run((session) => session.rebuild()),
		changed: (path) => {
			const file = vaultFile(app, path);
			if (file) lazy.current()?.noteChanged(file);
		},
		deleted: (path) => {
			lazy.current()?.noteDeleted(path).catch((e: unknown) => console.error(e));
		},
		folderDeleted: (path) => {
			const session = lazy.current();
			if (!session) return;
			const prefix = `${path}/`;
			for (const indexed of [...session.searchIndex.paths()]) {
				if (indexed.startsWith(prefix)) session.noteDeleted(indexed).catch((e: unknown) => console.error(e));
			}
		},
		renamed: (from, to) => {
			const file = vaultFile(app, to);
			const session = lazy.current();
			if (session && file) session.noteRenamed(from, file).catch((e: unknown) => console.error(e));
		},
	};
}
