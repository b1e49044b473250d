import { Notice, TFile, type App } from 'obsidian';
import type { ModelFiles } from '../core/embedding/model-files';
import type { Dtype, Embedder } from '../core/embedding/types';
import type { Chunker } from '../core/index/chunker-port';
import type { Clock } from '../core/index/clock';
import { createExclusions } from '../core/index/exclusions';
import { IdbVectorStore, vaultDatabaseName } from '../core/index/idb-store';
import { isEmbedderUnavailable } from '../core/index/errors';
import { Indexer } from '../core/index/indexer';
import { expectedMeta } from '../core/index/model-key';
import type { IndexProgress, IndexReport, RebuildNotice, RecordsChange, VaultFile, VectorStore } from '../core/index/types';
import { DEFAULT_CALIBRATION } from '../core/search/calibration';
import type { SearchOptions } from '../core/search/options';
import { relatedNotes, searchText } from '../core/search/query';
import { SearchIndex } from '../core/search/search-index';
import { isModelUnavailable, userMessage } from './errors';
import { adapterByteStore, modelCacheFolder, pluginModelFiles } from './model-source';
import { ObsidianNoteSource } from './note-source';
import type { IndexPort, PluginIndexStatus, RelatedSource, Runtime, RuntimeContext, RuntimeFactory, SearchAnswer } from './ports';
import { exclusionPatterns, type SemanticSearchSettings } from './settings';

/**
 * The indexer's edit-debounce timers on Obsidian's main window: the indexer lives as long as the
 * plugin, so its timers must not belong to a popout window that may close first.
 */
const windowClock: Clock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => window.setTimeout(fn, ms),
	clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/**
 * Why every note is embedded again, in the user's words. Sent when the indexer found vectors made
 * by another model, dtype, chunking or schema and cleared them (not for a user-requested reindex).
 */
export function rebuildNoticeText(notice: RebuildNotice): string {
	const why =
		notice.reason === 'model-changed'
			? 'the model or its settings changed'
			: notice.reason === 'schema-changed'
				? 'the plugin now stores its index in a new format'
				: 'the stored index could not be matched to the model';
	return `Semantic note search: ${why}, so every note is being indexed again.`;
}

/** A loaded model: the embedder, the chunker that matches its tokenizer, and how to stop both. */
export interface EngineHandle {
	embedder: Embedder;
	chunk: Chunker;
	/** Terminates the worker (if any) and frees the model. */
	dispose(): Promise<void>;
}

export type EngineLoader = (files: ModelFiles, dtype: Dtype) => Promise<EngineHandle>;

export interface VaultRuntimeOptions {
	loadEngine: EngineLoader;
	/** Default: IndexedDB, one database per vault. */
	openStore?: (app: App) => VectorStore;
	/** Default: the user's folder, then the pinned Hub download cached in the plugin folder. */
	modelFiles?: (settings: SemanticSearchSettings) => ModelFiles;
	/** Quiet time after an edit before a note is re-embedded (the indexer's debounce). */
	editDebounceMs?: number;
}

/** Obsidian's app id names the vault's database; it is not in the public typings. */
function appIdOf(app: App): string {
	const id = (app as unknown as { appId?: unknown }).appId;
	return typeof id === 'string' && id !== '' ? id : app.vault.getName();
}

interface Ready {
	engine: EngineHandle;
	indexer: Indexer;
	searchIndex: SearchIndex;
	store: VectorStore;
}

const MODEL_KEYS: (keyof SemanticSearchSettings)[] = ['modelFolder', 'allowDownload', 'dtype'];

/**
 * Index and search for one vault. Nothing heavy happens at construction: the model, the store
 * and the in-memory vectors are loaded on first use (start-up sync, a search, the related view),
 * so enabling the plugin costs nothing until the layout is ready.
 */
export class VaultRuntime implements Runtime {
	readonly index: IndexPort;
	readonly search: RelatedSource;
	private ready: Promise<Ready> | null = null;
	private loaded: Ready | null = null;
	private store: VectorStore | null = null;
	private disposed = false;
	/**
	 * Set when the model was loaded for a search or the related view rather than for a sync: the
	 * index is then brought up to date in the background (with start-up indexing off, this is
	 * when the vault gets indexed; with it on, it catches edits made before the indexer existed).
	 */
	private catchUp = false;
	private lastReport: IndexReport | undefined;
	private lastModelProblem: string | undefined;
	private currentProgress: IndexProgress = { done: 0, total: 0, state: 'idle' };
	private readonly progressListeners = new Set<(p: IndexProgress) => void>();
	private readonly changeListeners = new Set<() => void>();
	private appliedSettings: SemanticSearchSettings;

	constructor(
		private readonly context: RuntimeContext,
		private readonly options: VaultRuntimeOptions,
	) {
		this.appliedSettings = { ...context.settings() };
		this.index = this.indexPort();
		this.search = this.searchPort();
	}

	private get app(): App {
		return this.context.app;
	}

	private modelFiles(settings: SemanticSearchSettings): ModelFiles {
		if (this.options.modelFiles) return this.options.modelFiles(settings);
		const cache = adapterByteStore(this.app.vault.adapter, modelCacheFolder(this.app.vault.configDir, this.context.pluginId));
		// A download takes a while (up to 90 MB): say so, and say when it is done.
		let notice: Notice | undefined;
		const files = pluginModelFiles(settings, cache, undefined, (file, phase) => {
			if (phase === 'start') notice = new Notice(`Downloading the embedding model from Hugging Face: ${file}…`, 0);
			else notice?.hide();
		});
		return {
			location: files.location,
			// A failed download reports its own error; its progress notice must not stay up.
			read: (path) => files.read(path).finally(() => notice?.hide()),
		};
	}

	private ensureReady(forSync: boolean): Promise<Ready> {
		if (this.disposed) return Promise.reject(new Error('The plugin is being unloaded.'));
		if (!this.ready && !forSync) this.catchUp = true;
		this.ready ??= this.start().then(
			(ready) => {
				this.lastModelProblem = undefined;
				this.loaded = ready;
				return ready;
			},
			(error: unknown) => {
				this.ready = null;
				this.lastModelProblem = isModelUnavailable(error) ? userMessage(error) : undefined;
				throw error;
			},
		);
		return this.ready;
	}

	private async start(): Promise<Ready> {
		const settings = this.context.settings();
		this.appliedSettings = { ...settings };
		const engine = await this.options.loadEngine(this.modelFiles(settings), settings.dtype);
		if (this.disposed) {
			await engine.dispose();
			throw new Error('The plugin was unloaded while the model loaded.');
		}
		this.store ??= this.options.openStore ? this.options.openStore(this.app) : new IdbVectorStore(vaultDatabaseName(appIdOf(this.app)));
		const store = this.store;
		let searchIndex: SearchIndex;
		try {
			// Vectors of another model or chunking are useless for this one; the indexer rebuilds them.
			const meta = await store.getMeta();
			const valid = meta !== undefined && meta.modelKey === expectedMeta(engine.embedder.modelKey).modelKey;
			searchIndex = SearchIndex.fromRecords(engine.embedder.dim, valid ? await store.all() : []);
		} catch (error) {
			await engine.dispose(); // no worker may outlive a failed start
			throw error;
		}
		const indexer = this.newIndexer(engine, store, searchIndex, settings);
		const ready = { engine, indexer, searchIndex, store };
		if (this.catchUp) {
			this.catchUp = false;
			this.runIndexer(indexer).catch((e: unknown) => console.error('Semantic note search: catch-up sync failed', e));
		}
		return ready;
	}

	private newIndexer(engine: EngineHandle, store: VectorStore, searchIndex: SearchIndex, settings: SemanticSearchSettings): Indexer {
		const indexer = new Indexer({
			source: new ObsidianNoteSource(this.app.vault),
			store,
			embedder: engine.embedder,
			chunk: engine.chunk,
			exclusions: createExclusions(exclusionPatterns(settings)),
			clock: windowClock,
			debounceMs: this.options.editDebounceMs,
		});
		indexer.on('progress', (p) => this.setProgress(p));
		indexer.on('records', (change) => this.applyRecords(searchIndex, change));
		indexer.on('rebuild', (notice) => {
			if (!this.disposed) new Notice(rebuildNoticeText(notice));
		});
		indexer.on('error', (error) => {
			console.error('Semantic note search: background update failed', error);
			if (isModelUnavailable(error)) this.context.onModelError(error);
			this.dropBrokenEngine(error);
		});
		return indexer;
	}

	private applyRecords(searchIndex: SearchIndex, change: RecordsChange): void {
		if (change.reset) searchIndex.clear();
		for (const path of change.removed) searchIndex.remove(path);
		for (const [from, to] of change.renamed) searchIndex.rename(from, to);
		for (const record of change.upserted) {
			try {
				searchIndex.upsert(record);
			} catch (error) {
				console.error('Semantic note search: record not searchable', record.path, error);
			}
		}
		for (const l of this.changeListeners) l();
	}

	private setProgress(p: IndexProgress): void {
		this.currentProgress = p;
		for (const l of this.progressListeners) l(p);
	}

	private searchOptions(settings: SemanticSearchSettings, indexer: Indexer): SearchOptions {
		return {
			limit: settings.maxResults,
			// A user threshold above the calibrated 'strong' cut makes every shown result strong.
			calibration: { threshold: settings.threshold, strong: Math.max(DEFAULT_CALIBRATION.strong, settings.threshold) },
			exclude: (path) => indexer.isExcluded(path),
		};
	}

	private vaultFile(path: string): VaultFile | undefined {
		const file = this.app.vault.getAbstractFileByPath(path);
		return file instanceof TFile ? { path: file.path, mtime: file.stat.mtime, size: file.stat.size } : undefined;
	}

	/** A crashed or stopped worker stays broken: drop it so the next sync or search starts a new one. */
	private dropBrokenEngine(error: unknown): void {
		if (isEmbedderUnavailable(error) && !this.disposed) void this.unloadEngine();
	}

	/** Runs the indexer, dropping the engine if the run found it broken. */
	private async runIndexer(indexer: Indexer): Promise<IndexReport> {
		try {
			this.lastReport = await indexer.run();
			return this.lastReport;
		} catch (error) {
			this.dropBrokenEngine(error);
			throw error;
		}
	}

	/** Stops the indexer and the engine; the store stays open. */
	private async unloadEngine(): Promise<void> {
		const pending = this.ready;
		this.ready = null;
		this.loaded = null;
		const ready = await pending?.catch(() => null);
		if (!ready) return;
		ready.indexer.dispose();
		await ready.engine.dispose();
		this.setProgress({ done: 0, total: 0, state: 'idle' });
	}

	modelProblem(): string | undefined {
		return this.lastModelProblem;
	}

	settingsChanged(): void {
		const next = this.context.settings();
		const before = this.appliedSettings;
		this.appliedSettings = { ...next };
		if (MODEL_KEYS.some((k) => before[k] !== next[k])) {
			void this.unloadEngine();
		} else if (before.exclusions !== next.exclusions && this.loaded) {
			this.loaded.indexer.setExclusions(createExclusions(exclusionPatterns(next))).catch((e: unknown) => console.error(e));
		}
		// Threshold and result count apply to the next search; open views refresh now.
		for (const l of this.changeListeners) l();
	}

	async dispose(): Promise<void> {
		this.disposed = true;
		this.progressListeners.clear();
		this.changeListeners.clear();
		await this.unloadEngine();
		await this.store?.close();
		this.store = null;
	}

	private indexPort(): IndexPort {
		return {
			progress: () => this.currentProgress,
			onProgress: (listener) => {
				this.progressListeners.add(listener);
				return () => this.progressListeners.delete(listener);
			},
			status: async () => {
				const extra = { progress: this.currentProgress, lastReport: this.lastReport, modelProblem: this.lastModelProblem };
				if (!this.loaded) return { notes: 0, indexed: 0, passages: 0, failed: [], notices: [], state: this.currentProgress.state, pending: 0, ...extra };
				return { ...(await this.loaded.indexer.status()), ...extra } satisfies PluginIndexStatus;
			},
			pause: () => this.loaded?.indexer.pause(),
			resume: () => this.loaded?.indexer.resume(),
			cancel: () => this.loaded?.indexer.cancel(),
			sync: async () => {
				const { indexer } = await this.ensureReady(true);
				return this.runIndexer(indexer);
			},
			rebuild: async () => {
				const ready = await this.ensureReady(true);
				// A fresh indexer: the old one caches what the store held before it was cleared.
				ready.indexer.dispose();
				await ready.store.clear();
				ready.searchIndex.clear();
				for (const l of this.changeListeners) l();
				ready.indexer = this.newIndexer(ready.engine, ready.store, ready.searchIndex, this.context.settings());
				return this.runIndexer(ready.indexer);
			},
			// Before the indexer exists, changes are not queued: the sync that creates it reconciles them.
			changed: (path) => {
				const file = this.vaultFile(path);
				if (!file) return;
				if (this.loaded) this.loaded.indexer.noteChanged(file);
			},
			deleted: (path) => {
				if (this.loaded) this.loaded.indexer.noteDeleted(path).catch((e: unknown) => console.error(e));
			},
			renamed: (from, to) => {
				const file = this.vaultFile(to);
				if (this.loaded && file) this.loaded.indexer.noteRenamed(from, file).catch((e: unknown) => console.error(e));
			},
		};
	}

	private searchPort(): RelatedSource {
		const settings = () => this.context.settings();
		return {
			get threshold() {
				return settings().threshold;
			},
			search: async (query): Promise<SearchAnswer> => {
				const ready = await this.ensureReady(false);
				try {
					return await searchText(ready.engine.embedder, ready.searchIndex, query, this.searchOptions(this.context.settings(), ready.indexer));
				} catch (error) {
					// The query embedding failed: most likely the worker died. Start a fresh one next time.
					console.error('Semantic note search: search failed', error);
					if (this.loaded === ready) void this.unloadEngine();
					throw new Error(`Search failed (${userMessage(error)}). The model is reloaded on the next search.`);
				}
			},
			related: async (path): Promise<SearchAnswer> => {
				const ready = await this.ensureReady(false);
				return relatedNotes(ready.searchIndex, path, this.searchOptions(this.context.settings(), ready.indexer));
			},
			onIndexChange: (listener) => {
				this.changeListeners.add(listener);
				return () => this.changeListeners.delete(listener);
			},
		};
	}
}

/** A runtime factory with a given engine loader (tests pass the fake embedder here). */
export function vaultRuntimeFactory(options: VaultRuntimeOptions): RuntimeFactory {
	return (context) => new VaultRuntime(context, options);
}

/** The plugin's runtime: the model runs in the embedding worker, loaded only when first needed. */
export const createVaultRuntime: RuntimeFactory = vaultRuntimeFactory({
	loadEngine: async (files, dtype) => {
		const { loadWorkerEngine } = await import('./worker-engine');
		return loadWorkerEngine(files, dtype);
	},
});
