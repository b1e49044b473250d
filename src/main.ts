import { Plugin } from 'obsidian';
import { createApi } from './obsidian/runtime/api';
import { registerCommands, confirmReindex, showIndexStatus } from './obsidian/ui/commands';
import { IndexJobs } from './obsidian/ui/index-jobs';
import { localModelChecks } from './obsidian/runtime/model-check-memory';
import { modelCacheFolder } from './obsidian/runtime/model-source';
import type { Runtime, RuntimeFactory } from './obsidian/runtime/ports';
import { HOVER_SOURCE } from './obsidian/ui/hover-preview';
import { RelatedNotesView, RELATED_VIEW_TYPE } from './obsidian/ui/related-view';
import { RelatedUnderNotes } from './obsidian/ui/under-note';
import { excludedBySettings } from './obsidian/runtime/excluded-notes';
import { createVaultRuntime } from './obsidian/runtime/runtime';
import { parseSettings, type SemanticSearchSettings } from './obsidian/runtime/settings';
import { SettingsApplier } from './obsidian/runtime/settings-applier';
import { SemanticSearchSettingTab, type SettingsHost } from './obsidian/ui/settings-tab';
import { IndexStatusBar } from './obsidian/ui/status-bar';
import { registerVaultEvents } from './obsidian/runtime/vault-events';

/** Lifecycle only: settings, runtime, UI and events are built in src/obsidian/. */
export default class SemanticNoteSearchPlugin extends Plugin implements SettingsHost {
	settings!: SemanticSearchSettings;
	/** Builds index + search; tests replace it before load to run without the worker. */
	createRuntime: RuntimeFactory = createVaultRuntime;
	private runtime: Runtime | null = null;
	/** The related notes under each note, while its setting is on. */
	private underNotes: RelatedUnderNotes | null = null;
	/** For other plugins: `app.plugins.getPlugin('semantic-note-search').api` (api/semantic-note-search.d.ts). */
	readonly api = createApi(() => this.runtime);
	private jobs = new IndexJobs(() => this.runtime?.index.progress().state === 'cancelled');
	private readonly settingsApplier = new SettingsApplier(
		() => this.runtime,
		(runtime) => {
			this.jobs.resetModelNotice();
			void this.jobs.run(() => runtime.index.sync(), { announce: false });
		},
	);

	modelProblem(): string | undefined {
		return this.runtime?.modelProblem();
	}

	modelCheck(): string | undefined {
		const check = this.runtime?.modelCheck();
		return [check?.line, check?.device].filter((part) => part !== undefined).join('. ') || undefined;
	}

	/** Obsidian sets `dir` for every installed plugin; the fallback is where it would be. */
	private get pluginDir(): string {
		return this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
	}

	get modelCacheFolder(): string {
		return modelCacheFolder(this.pluginDir);
	}

	/**
	 * The model folder is a path on this device: it is kept in the vault's local storage, because
	 * data.json is synced (Obsidian Sync, git, …) to devices where that path means nothing.
	 */
	private get modelFolderKey(): string {
		return `${this.manifest.id}:model-folder`;
	}

	private async syncedSettings(): Promise<SemanticSearchSettings> {
		return parseSettings(await this.loadData(), this.app.vault.configDir);
	}

	async onload(): Promise<void> {
		const synced = await this.syncedSettings();
		const local: unknown = this.app.loadLocalStorage(this.modelFolderKey);
		// A data.json from before the folder moved to local storage still names it.
		this.settings = { ...synced, modelFolder: typeof local === 'string' ? local : synced.modelFolder };
		// Stops a model download in progress when the plugin is disabled.
		const unloading = new AbortController();
		this.register(() => unloading.abort());
		const runtime = this.createRuntime({
			app: this.app,
			pluginDir: this.pluginDir,
			signal: unloading.signal,
			modelChecks: localModelChecks(this.app, this.manifest.id),
			settings: () => this.settings,
			onModelError: (error) => this.jobs.fail(error),
		});
		this.runtime = runtime;
		// Registered first so it runs last on unload, after views and events are gone.
		this.register(() => {
			this.runtime = null;
			void runtime.dispose();
		});
		this.register(() => this.settingsApplier.stop());
		this.register(() => this.jobs.stop());

		const hideLinked = { value: () => this.settings.hideLinked, set: (hide: boolean) => void this.updateSettings({ hideLinked: hide }) };
		this.registerView(RELATED_VIEW_TYPE, (leaf) => new RelatedNotesView(leaf, runtime.search, hideLinked));
		this.registerHoverLinkSource(HOVER_SOURCE, { display: 'Semantic Note Search', defaultMod: true });
		this.addSettingTab(new SemanticSearchSettingTab(this.app, this, this));
		new IndexStatusBar(this, runtime.index, () => showIndexStatus(this, runtime, this.jobs));
		registerCommands(this, runtime, this.jobs);

		// Before layout ready Obsidian fires `create` for every file; the start-up sync covers them.
		this.app.workspace.onLayoutReady(() => {
			registerVaultEvents(this, this.app, runtime.index);
			if (this.settings.indexOnStartup) void this.jobs.run(() => runtime.index.sync(), { announce: false });
			this.applyUnderNotes();
		});
	}

	/** Adds the sections under notes when the setting is on; turning it off removes them. From layout ready on. */
	private applyUnderNotes(): void {
		const runtime = this.runtime;
		const on = this.settings.showUnderNote && runtime !== null && this.app.workspace.layoutReady;
		if (on && !this.underNotes) {
			this.underNotes = this.addChild(new RelatedUnderNotes(this.app, runtime.search, excludedBySettings(() => this.settings)));
		} else if (!on && this.underNotes) {
			this.removeChild(this.underNotes);
			this.underNotes = null;
		}
	}

	async updateSettings(patch: Partial<SemanticSearchSettings>): Promise<void> {
		const before = this.settings;
		this.settings = { ...before, ...patch };
		const { modelFolder, ...synced } = this.settings;
		this.app.saveLocalStorage(this.modelFolderKey, modelFolder === '' ? null : modelFolder);
		await this.saveData(synced);
		this.settingsApplier.changed(before, this.settings);
		this.applyUnderNotes();
	}

	/** data.json changed on disk (synced from another device): apply it, with this device's model folder. */
	async onExternalSettingsChange(): Promise<void> {
		const before = this.settings;
		this.settings = { ...(await this.syncedSettings()), modelFolder: before.modelFolder };
		this.settingsApplier.changed(before, this.settings);
		this.applyUnderNotes();
	}

	requestReindex(): void {
		if (this.runtime) confirmReindex(this, this.runtime, this.jobs);
	}
}
