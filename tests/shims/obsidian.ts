/**
 * The `obsidian` module in tests (aliased in vitest.config.ts). Obsidian is a closed app, so this
 * re-implements, in memory, the part of its API the plugin uses, with the same event order and
 * lifecycle rules (e.g. `create` for every file before layout ready, no metadata `changed` on
 * rename, Component.unload running every registered callback). UI the plugin could reach but a
 * test did not prepare throws "not implemented in shim" instead of pretending.
 * Test-only helpers are marked `shim:`; the plugin must never call them.
 * Split by area: base.ts (events, files, Component), vault.ts, workspace.ts, ui.ts, dom.ts.
 */
import { Component, shimState, type TAbstractFile, type TFile } from './base';
import { FakeElement, type DomElementInfo } from './dom';
import { Scope, type Modal, type PluginSettingTab } from './ui';
import { MetadataCache, Vault } from './vault';
import { MarkdownView, Workspace, type Editor, type View, type WorkspaceLeaf } from './workspace';

export * from './base';
export * from './ui';
export * from './vault';
export * from './workspace';
export { FakeElement } from './dom';
export type { DomElementInfo };

// Obsidian code uses `window.setTimeout` (popout-window safe); Node has no `window`.
const globals = globalThis as { window?: unknown };
globals.window ??= globalThis;

// ---------------------------------------------------------------- app, plugin

export class FileManager {
	constructor(private app: App) {}
	generateMarkdownLink(file: TFile, sourcePath: string, subpath = '', alias?: string): string {
		const link = this.app.metadataCache.fileToLinktext(file, sourcePath, true);
		return `[[${link}${subpath}${alias ? `|${alias}` : ''}]]`;
	}
	trashFile(file: TAbstractFile): Promise<void> { return this.app.vault.delete(file); }
}

export interface Command {
	id: string;
	name: string;
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: Editor, view: MarkdownView) => unknown;
	hotkeys?: unknown[];
}

let appCount = 0;

export class App {
	/**
	 * Belief, not in the public typings: Obsidian keeps enabled plugins in `app.plugins.plugins` by
	 * id, and `app.plugins.getPlugin(id)` returns one (how Dataview's and Omnisearch's APIs are reached).
	 */
	readonly plugins = {
		plugins: {} as Record<string, Plugin>,
		getPlugin: (id: string): Plugin | null => this.plugins.plugins[id] ?? null,
	};
	metadataCache = new MetadataCache();
	/** shim: what plugins registered with Page preview. */
	hoverLinkSources = new Map<string, { display: string; defaultMod?: boolean }>();
	vault = new Vault(this.metadataCache);
	workspace = new Workspace(this);
	fileManager = new FileManager(this);
	scope = new Scope();
	/** Unique per app, like a vault's id: each test gets its own IndexedDB database. */
	appId = `shim-app-${++appCount}`;
	/** shim: registries Obsidian keeps privately. */
	commands = new Map<string, Command>();
	settingTabs: PluginSettingTab[] = [];
	ribbon = new FakeElement('div');
	statusBar = new FakeElement('div');
	pluginData = new Map<string, unknown>();
	/** shim: the modals currently open, newest last. */
	openModals: Modal[] = [];
	/** shim: this device's local storage for the vault (not synced, unlike data.json). */
	localStorage = new Map<string, unknown>();

	loadLocalStorage(key: string): unknown {
		return this.localStorage.has(key) ? structuredClone(this.localStorage.get(key)) : null;
	}
	saveLocalStorage(key: string, data: unknown): void {
		if (data === null) this.localStorage.delete(key);
		else this.localStorage.set(key, structuredClone(data));
	}

	/** shim: runs a command like the palette would; false when it is unavailable. */
	executeCommandById(id: string): boolean {
		const cmd = this.commands.get(id);
		if (!cmd) return false;
		if (cmd.checkCallback) {
			if (!cmd.checkCallback(true)) return false;
			cmd.checkCallback(false);
			return true;
		}
		if (cmd.editorCallback) {
			const view = this.workspace.getActiveViewOfType(MarkdownView);
			if (!view) return false;
			void cmd.editorCallback(view.editor, view);
			return true;
		}
		void cmd.callback?.();
		return true;
	}
}

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	dir?: string;
	[key: string]: unknown;
}

export abstract class Plugin extends Component {
	constructor(
		readonly app: App,
		readonly manifest: PluginManifest,
	) { super(); }
	override load(): void {
		super.load();
		const { plugins } = this.app.plugins;
		plugins[this.manifest.id] = this;
		this.register(() => delete plugins[this.manifest.id]);
	}
	/** Page preview's registry of hover sources (Settings → Page preview lists them). */
	registerHoverLinkSource(id: string, info: { display: string; defaultMod?: boolean }): void {
		this.app.hoverLinkSources.set(id, info);
		this.register(() => this.app.hoverLinkSources.delete(id));
	}
	addCommand(command: Command): Command {
		const id = `${this.manifest.id}:${command.id}`;
		this.app.commands.set(id, { ...command, id });
		this.register(() => this.app.commands.delete(id));
		return command;
	}
	addRibbonIcon(icon: string, title: string, callback: (evt: unknown) => unknown): FakeElement {
		const el = this.app.ribbon.createDiv({ cls: 'side-dock-ribbon-action', attr: { 'aria-label': title, 'data-icon': icon } });
		el.addEventListener('click', callback);
		this.register(() => el.detach());
		return el;
	}
	addStatusBarItem(): FakeElement {
		const el = this.app.statusBar.createDiv({ cls: 'status-bar-item' });
		this.register(() => el.detach());
		return el;
	}
	addSettingTab(tab: PluginSettingTab): void {
		this.app.settingTabs.push(tab);
		this.register(() => (this.app.settingTabs = this.app.settingTabs.filter((t) => t !== tab)));
	}
	/**
	 * Like Obsidian: unloading the plugin closes its views but keeps their leaves where they are,
	 * and registering the type again rebuilds a view in each (docs.obsidian.md, plugin guidelines:
	 * "Don't detach leaves in onunload"; leaves are "reinitialized at their original position").
	 */
	registerView(type: string, factory: (leaf: WorkspaceLeaf) => View): void {
		const { workspace } = this.app;
		workspace.viewFactories.set(type, factory);
		for (const leaf of workspace.leaves) if (leaf.getViewState().type === type && !leaf.view) void leaf.setViewState({ type });
		this.register(() => {
			workspace.viewFactories.delete(type);
			for (const leaf of workspace.getLeavesOfType(type)) leaf.closeViewKeepingPlace();
		});
	}
	loadData(): Promise<unknown> { return Promise.resolve(structuredClone(this.app.pluginData.get(this.manifest.id) ?? null)); }
	saveData(data: unknown): Promise<void> {
		this.app.pluginData.set(this.manifest.id, structuredClone(data));
		return Promise.resolve();
	}
}

/**
 * shim: loads a plugin the way Obsidian starts: onload, then `create` for every note, then the
 * workspace is restored (`restore`: views open, notes shown, with their workspace events), then
 * layout ready.
 */
export async function startApp(app: App, plugin: Plugin, notes: Record<string, string> = {}, restore?: () => Promise<void>): Promise<void> {
	plugin.load();
	for (const p of shimState.pendingLoads.splice(0)) await p;
	for (const [path, text] of Object.entries(notes)) await app.vault.create(path, text);
	await restore?.();
	await Promise.resolve();
	app.workspace.setLayoutReady();
}

// ---------------------------------------------------------------- helpers

/**
 * As obsidian.d.ts documents it: isDesktop/isMobile are the UI layout, isDesktopApp/isMobileApp
 * the app (only the Electron desktop app has Node modules). Tests may switch them.
 */
export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
};
