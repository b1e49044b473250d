import type { App } from 'obsidian';
import type { ModelFiles } from '../../core/embedding/model-files';
import { probeWebGpu } from '../../core/embedding/webgpu-adapter';
import { createExclusions } from '../../core/index/exclusions';
import type { IndexReport } from '../../core/index/types';
import type { EngineHandle } from '../../core/session/engine-handle';
import type { IndexSession } from '../../core/session/index-session';
import { IdbVectorStore, vaultDatabaseName } from '../../core/store/idb-store';
import type { VectorStore } from '../../core/store/types';
import { describeCompute, loadOnDevice, watchEngine, webGpuCheckKey, type ComputeChoice, type DeviceDeps } from './compute-device';
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
	/** Default: the core's probe of `navigator.gpu` on this thread. */
	probeWebGpu?: DeviceDeps['probe'];
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
	/** Where the loaded model runs, and why not on WebGPU. */
	private computeChoice: ComputeChoice | undefined;
	/** WebGPU gave out while embedding: WASM until the plugin restarts. */
	private webGpuFailure: string | undefined;

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
		const engine = await this.loadEngine(files, settings);
		const store = this.options.openStore ? this.options.openStore(app) : new IdbVectorStore(vaultDatabaseName(appIdOf(app)));
		try {
			return await openVaultSession({ app, engine, store, settings, editDebounceMs: this.options.editDebounceMs });
		} catch (error) {
			await engine.dispose();
			await store.close();
			throw error;
		}
	}

	/**
	 * The model on the device the settings ask for (WebGPU only once it passed the model check
	 * there), checked against Python on that device; a failed check stops here unless accepted.
	 */
	private async loadEngine(files: ModelFiles, settings: SemanticSearchSettings): Promise<EngineHandle> {
		const { dtype } = settings;
		const { engine, choice } = await loadOnDevice(settings.computeDevice, {
			probe: this.options.probeWebGpu ?? (() => probeWebGpu()),
			// Read at every window, so a changed setting applies to the next one without reloading the model.
			load: (device) => this.options.loadEngine(files, dtype, () => poolSizeFor(this.context.settings().indexingThreads), device),
			check: async (loaded, device) => (await this.modelCheckGate.measure(loaded.embedder, dtype, device)).check,
			failedWhileRunning: this.webGpuFailure,
		});
		this.computeChoice = choice;
		const { adapter } = choice.compute;
		try {
			await this.modelCheckGate.verify(engine.embedder, dtype, adapter === undefined ? undefined : webGpuCheckKey(adapter));
		} catch (error) {
			await engine.dispose();
			throw error;
		}
		if (choice.compute.device === 'wasm') return engine;
		return watchEngine(engine, (reason) => {
			this.webGpuFailure = `WebGPU (${adapter}) failed while embedding, so WASM is used until Obsidian restarts: ${reason}`;
		});
	}

	modelProblem(): string | undefined {
		return this.lazy.modelProblem;
	}

	async ready(): Promise<void> {
		// A sync joins or follows the run in progress and re-embeds only what changed.
		await this.index.sync();
	}

	modelCheck(): { line: string | undefined; blocking: boolean; device: string | undefined } {
		return { line: this.modelCheckGate.line(), blocking: this.modelCheckGate.blocking(), device: this.computeChoice && describeCompute(this.computeChoice) };
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
