import type { App } from 'obsidian';
import type { ModelFiles } from '../../core/embedding/model-files';
import { createExclusions } from '../../core/index/exclusions';
import type { IndexReport } from '../../core/index/types';
import type { IndexSession } from '../../core/session/index-session';
import { IdbVectorStore, vaultDatabaseName } from '../../core/store/idb-store';
import type { VectorStore } from '../../core/store/types';
import { workerEngineLoader, type EngineLoader } from './engine-loader';
import { ModelCheckGate } from './model-check';
import { noticedModelFiles } from './model-source';
import { linkedNotes } from './linked-notes';
import { noteTags } from './note-tags';
import { indexPort } from './index-port';
import { LazySession } from './lazy-session';
import type { IndexPort, RelatedSource, Runtime, RuntimeContext, RuntimeFactory } from './ports';
import { searchPort } from './search-port';
import { exclusionPatterns, type SemanticSearchSettings } from './settings';
import { settingsChange } from './settings-change';
import { openVaultSession } from './vault-session';
import { poolSizeFor } from '../../worker/pool-size';

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

/**
 * Index and search for one vault: the session of the loaded model (opened lazily), the two ports
 * the UI uses, and what a settings change does to them.
 */
class VaultRuntime implements Runtime {
	readonly index: IndexPort;
	readonly search: RelatedSource;
	private readonly lazy: LazySession;
	private appliedSettings: SemanticSearchSettings;
	private readonly modelCheckGate: ModelCheckGate;

	constructor(
		private readonly context: RuntimeContext,
		private readonly options: VaultRuntimeOptions,
	) {
		this.appliedSettings = { ...context.settings() };
		this.modelCheckGate = new ModelCheckGate(context.modelChecks);
		this.lazy = new LazySession(
			() => this.openSession(),
			(error) => context.onModelError(error),
		);
		this.index = indexPort(context.app, this.lazy);
		this.search = searchPort(
			this.lazy,
			() => context.settings(),
			(path) => noteTags(context.app, path),
			(path) => linkedNotes(context.app, path),
		);
	}

	/** Loads the model, then opens the store and reads it once; no worker outlives a failed start. */
	private async openSession(): Promise<IndexSession> {
		const { app, pluginDir, signal } = this.context;
		const settings = this.context.settings();
		this.appliedSettings = { ...settings };
		const files = this.options.modelFiles ? this.options.modelFiles(settings) : noticedModelFiles(app, pluginDir, settings, signal);
		// Read at every window, so a changed setting applies to the next one without reloading the model.
		const threads = () => poolSizeFor(this.context.settings().indexingThreads);
		const engine = await this.options.loadEngine(files, settings.dtype, threads);
		try {
			await this.modelCheckGate.verify(engine.embedder, settings.dtype);
		} catch (error) {
			await engine.dispose();
			throw error;
		}
		const store = this.options.openStore ? this.options.openStore(app) : new IdbVectorStore(vaultDatabaseName(appIdOf(app)));
		try {
			return await openVaultSession({ app, engine, store, settings, editDebounceMs: this.options.editDebounceMs });
		} catch (error) {
			await engine.dispose();
			await store.close();
			throw error;
		}
	}

	modelProblem(): string | undefined {
		return this.lazy.modelProblem;
	}

	async ready(): Promise<void> {
		// A sync joins or follows the run in progress and re-embeds only what changed.
		await this.index.sync();
	}

	modelCheck(): { line: string | undefined; blocking: boolean } {
		return { line: this.modelCheckGate.line(), blocking: this.modelCheckGate.blocking() };
	}

	useModelAnyway(): Promise<IndexReport> {
		this.modelCheckGate.useAnyway();
		return this.index.sync();
	}

	settingsChanged(): void {
		const next = this.context.settings();
		const change = settingsChange(this.appliedSettings, next);
		this.appliedSettings = { ...next };
		const session = this.lazy.current();
		if (change.reloadModel) void this.lazy.drop();
		else if (change.exclusions && session) session.setExclusions(createExclusions(exclusionPatterns(next))).catch((e: unknown) => console.error(e));
		// Threshold and result count apply to the next search; open views refresh now.
		this.lazy.changed();
	}

	dispose(): Promise<void> {
		return this.lazy.dispose();
	}
}

/** A runtime factory with a given engine loader (tests pass the fake embedder here). */
export function vaultRuntimeFactory(options: VaultRuntimeOptions): RuntimeFactory {
	return (context) => new VaultRuntime(context, options);
}

/** The plugin's runtime: the model runs in the embedding worker, loaded only when first needed. */
export const createVaultRuntime: RuntimeFactory = vaultRuntimeFactory({ loadEngine: workerEngineLoader });
