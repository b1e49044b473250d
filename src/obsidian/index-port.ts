import { TFile, type App } from 'obsidian';
import type { Indexer } from '../core/index/indexer';
import type { IndexProgress, IndexReport, VaultFile, VectorStore } from '../core/index/types';
import type { SearchIndex } from '../core/search/search-index';
import type { IndexPort, PluginIndexStatus } from './ports';

/** The indexer with what a rebuild clears and replaces. */
export interface Indexable {
	indexer: Indexer;
	searchIndex: SearchIndex;
	store: VectorStore;
}

export interface IndexDeps<R extends Indexable> {
	app: App;
	progress(): IndexProgress;
	onProgress(listener: (progress: IndexProgress) => void): () => void;
	lastReport(): IndexReport | undefined;
	modelProblem(): string | undefined;
	/** The indexer if the model is loaded; vault events before that are left to the next sync. */
	loaded(): R | null;
	/** Loads the model if needed, for a sync (no background catch-up). */
	ready(): Promise<R>;
	/** Runs the indexer, remembering the report. */
	run(indexer: Indexer): Promise<IndexReport>;
	/** A new indexer over the same engine, store and search index. */
	freshIndexer(ready: R): Indexer;
	/** The index was cleared: open views refresh. */
	indexChanged(): void;
}

function vaultFile(app: App, path: string): VaultFile | undefined {
	const file = app.vault.getAbstractFileByPath(path);
	return file instanceof TFile ? { path: file.path, mtime: file.stat.mtime, size: file.stat.size } : undefined;
}

/** The status bar's, commands' and vault events' port onto the indexer. */
export function indexPort<R extends Indexable>(deps: IndexDeps<R>): IndexPort {
	return {
		progress: () => deps.progress(),
		onProgress: (listener) => deps.onProgress(listener),
		status: async () => {
			const extra = { progress: deps.progress(), lastReport: deps.lastReport(), modelProblem: deps.modelProblem() };
			const loaded = deps.loaded();
			if (!loaded) return { notes: 0, indexed: 0, passages: 0, failed: [], notices: [], state: deps.progress().state, pending: 0, ...extra };
			return { ...(await loaded.indexer.status()), ...extra } satisfies PluginIndexStatus;
		},
		pause: () => deps.loaded()?.indexer.pause(),
		resume: () => deps.loaded()?.indexer.resume(),
		cancel: () => deps.loaded()?.indexer.cancel(),
		sync: async () => {
			const { indexer } = await deps.ready();
			return deps.run(indexer);
		},
		rebuild: async () => {
			const ready = await deps.ready();
			// A fresh indexer: the old one caches what the store held before it was cleared.
			ready.indexer.dispose();
			await ready.store.clear();
			ready.searchIndex.clear();
			deps.indexChanged();
			ready.indexer = deps.freshIndexer(ready);
			return deps.run(ready.indexer);
		},
		// Before the indexer exists, changes are not queued: the sync that creates it reconciles them.
		changed: (path) => {
			const file = vaultFile(deps.app, path);
			if (!file) return;
			deps.loaded()?.indexer.noteChanged(file);
		},
		deleted: (path) => {
			deps.loaded()?.indexer.noteDeleted(path).catch((e: unknown) => console.error(e));
		},
		folderDeleted: (path) => {
			const loaded = deps.loaded();
			if (!loaded) return;
			const prefix = `${path}/`;
			for (const indexed of [...loaded.searchIndex.paths()]) {
				if (indexed.startsWith(prefix)) loaded.indexer.noteDeleted(indexed).catch((e: unknown) => console.error(e));
			}
		},
		renamed: (from, to) => {
			const file = vaultFile(deps.app, to);
			const loaded = deps.loaded();
			if (loaded && file) loaded.indexer.noteRenamed(from, file).catch((e: unknown) => console.error(e));
		},
	};
}
