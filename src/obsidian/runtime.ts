import type { App } from 'obsidian';
import type { ModelFiles } from '../core/embedding/model-files';
import { createExclusions } from '../core/index/exclusions';
import { IdbVectorStore, vaultDatabaseName } from '../core/index/idb-store';
import { isEmbedderUnavailable } from '../core/index/errors';
import type { Indexer } from '../core/index/indexer';
import type { IndexProgress, IndexReport, VectorStore } from '../core/index/types';
import type { SearchIndex } from '../core/search/search-index';
import { openEngine, workerEngineLoader, type EngineHandle, type EngineLoader } from './engine-loader';
import { isModelUnavailable, userMessage } from './errors';
import { indexPort } from './index-port';
import { wiredIndexer } from './indexer-events';
import { Listeners } from './listeners';
import type { IndexPort, RelatedSource, Runtime, RuntimeContext, RuntimeFactory } from './ports';
import { noticedModelFiles } from './model-source';
import { searchPort } from './search-port';
import { exclusionPatterns, type SemanticSearchSettings } from './settings';

// scripts/browser/harness.ts builds on the engine type from here.
export type { EngineHandle, EngineLoader } from './engine-loader';

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
 * so enabling the plugin costs nothing until the layout is ready. This class owns that lifecycle;
 * loading, the indexer's events and the two ports live in their own files.
 */
class VaultRuntime implements Runtime {
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
	private readonly progressListeners = new Listeners<[IndexProgress]>();
	private readonly changeListeners = new Listeners();
	private appliedSettings: SemanticSearchSettings;

	constructor(
		private readonly context: RuntimeContext,
		private readonly options: VaultRuntimeOptions,
	) {
		this.appliedSettings = { ...context.settings() };
		this.index = indexPort({
			app: context.app,
			progress: () => this.currentProgress,
			onProgress: (listener) => this.progressListeners.add(listener),
			lastReport: () => this.lastReport,
			modelProblem: () => this.lastModelProblem,
			loaded: () => this.loaded,
			ready: () => this.ensureReady(true),
			run: (indexer) => this.runIndexer(indexer),
			freshIndexer: (ready) => this.newIndexer(ready.engine, ready.store, ready.searchIndex, context.settings()),
			indexChanged: () => this.changeListeners.emit(),
		});
		this.search = searchPort({
			settings: () => context.settings(),
			ready: () => this.ensureReady(false),
			dropEngine: (ready) => {
				if (this.loaded === ready) void this.unloadEngine();
			},
			onIndexChange: (listener) => this.changeListeners.add(listener),
		});
	}

	private modelFiles(settings: SemanticSearchSettings): ModelFiles {
		if (this.options.modelFiles) return this.options.modelFiles(settings);
		return noticedModelFiles(this.context.app, this.context.pluginDir, settings, this.context.signal);
	}

	private ensureReady(forSync: boolean): Promise<Ready> {
		if (this.disposed) return Promise.reject(new Error('The plugin is being unloaded.'));
		if (!this.ready && !forSync) this.catchUp = true;
		// A sync asked for while the model loads does the catching up itself: two runs would race.
		if (forSync) this.catchUp = false;
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
		const { engine, store, searchIndex } = await openEngine(
			() => this.options.loadEngine(this.modelFiles(settings), settings.dtype),
			// The store outlives engines: a model reload reuses it.
			() => (this.store ??= this.options.openStore ? this.options.openStore(this.context.app) : new IdbVectorStore(vaultDatabaseName(appIdOf(this.context.app)))),
			() => this.disposed,
		);
		const indexer = this.newIndexer(engine, store, searchIndex, settings);
		const ready = { engine, indexer, searchIndex, store };
		if (this.catchUp) {
			this.catchUp = false;
			this.runIndexer(indexer).catch((e: unknown) => console.error('Semantic note search: catch-up sync failed', e));
		}
		return ready;
	}

	private newIndexer(engine: EngineHandle, store: VectorStore, searchIndex: SearchIndex, settings: SemanticSearchSettings): Indexer {
		return wiredIndexer(
			{ app: this.context.app, engine, store, searchIndex, settings, editDebounceMs: this.options.editDebounceMs },
			{
				onProgress: (p) => this.setProgress(p),
				onRecordsApplied: () => this.changeListeners.emit(),
				onModelError: (error) => this.context.onModelError(error),
				onBackgroundError: (error) => this.dropBrokenEngine(error),
				isDisposed: () => this.disposed,
			},
		);
	}

	private setProgress(p: IndexProgress): void {
		this.currentProgress = p;
		this.progressListeners.emit(p);
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
		this.changeListeners.emit();
	}

	async dispose(): Promise<void> {
		this.disposed = true;
		this.progressListeners.clear();
		this.changeListeners.clear();
		await this.unloadEngine();
		await this.store?.close();
		this.store = null;
	}
}

/** A runtime factory with a given engine loader (tests pass the fake embedder here). */
export function vaultRuntimeFactory(options: VaultRuntimeOptions): RuntimeFactory {
	return (context) => new VaultRuntime(context, options);
}

/** The plugin's runtime: the model runs in the embedding worker, loaded only when first needed. */
export const createVaultRuntime: RuntimeFactory = vaultRuntimeFactory({ loadEngine: workerEngineLoader });
