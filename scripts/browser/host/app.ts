/**
 * The app the e2e page hands the plugin: a vault over the served notes, a workspace, commands,
 * and what the shim's `Plugin` (reused as is) registers into: status bar, ribbon, setting tabs.
 */
import { MetadataCache, type Vault as ShimVault } from '../../../tests/shims/vault';
import { Events, normalizePath, TFile, type TAbstractFile } from './base';
import type { PluginSettingTab } from './ui';
import { Workspace } from './workspace';

export interface HostNote {
	path: string;
	markdown: string;
	mtime: number;
}

function fileOf(vault: Vault, path: string, markdown: string, mtime: number): TFile {
	const file = new TFile();
	file.path = path;
	file.name = path.slice(path.lastIndexOf('/') + 1);
	file.extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1) : '';
	file.basename = file.extension ? file.name.slice(0, -(file.extension.length + 1)) : file.name;
	file.stat = { ctime: mtime, mtime, size: new TextEncoder().encode(markdown).length };
	// The shim's metadata parse checks that the file is still in its vault, through this.
	file.vault = vault as unknown as ShimVault;
	vault.texts.set(path, markdown);
	return file;
}

/** Nothing is cached in the plugin folder here: the model comes from the model folder setting. */
const emptyAdapter = {
	exists: () => Promise.resolve(false),
	readBinary: (path: string) => Promise.reject(new Error(`no file ${path}`)),
	writeBinary: () => Promise.reject(new Error('the e2e vault is read-only')),
	mkdir: () => Promise.resolve(),
	rename: () => Promise.reject(new Error('the e2e vault is read-only')),
	remove: () => Promise.resolve(),
};

export class Vault extends Events {
	readonly configDir = '.obsidian';
	readonly adapter = emptyAdapter;
	readonly texts = new Map<string, string>();
	private readonly files = new Map<string, TFile>();

	constructor(
		private readonly name: string,
		notes: HostNote[],
	) {
		super();
		for (const n of notes) this.files.set(n.path, fileOf(this, n.path, n.markdown, n.mtime));
	}

	getName(): string {
		return this.name;
	}

	getMarkdownFiles(): TFile[] {
		return [...this.files.values()].filter((f) => f.extension === 'md');
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(normalizePath(path)) ?? null;
	}

	getFileByPath(path: string): TFile | null {
		return this.files.get(normalizePath(path)) ?? null;
	}

	cachedRead(file: TFile): Promise<string> {
		const text = this.texts.get(file.path);
		return text === undefined ? Promise.reject(new Error(`no note ${file.path}`)) : Promise.resolve(text);
	}

	read(file: TFile): Promise<string> {
		return this.cachedRead(file);
	}
}

export class HostApp {
	readonly vault: Vault;
	readonly workspace: Workspace;
	/** The unit-test shim's metadata cache, parsed from the served notes: frontmatter and inline tags, headings, links. */
	readonly metadataCache = new MetadataCache();
	/** Enabled plugins by id, as Obsidian keeps them (the shim's Plugin registers itself here on load). */
	readonly plugins = {
		plugins: {} as Record<string, unknown>,
		getPlugin: (id: string): unknown => this.plugins.plugins[id] ?? null,
	};
	/** What plugins registered with Page preview. */
	readonly hoverLinkSources = new Map<string, { display: string; defaultMod?: boolean }>();
	readonly fileManager = {
		generateMarkdownLink: (file: TFile) => `[[${file.basename}]]`,
	};
	readonly commands = new Map<string, { id: string; name: string; callback?: () => unknown; checkCallback?: (checking: boolean) => boolean | void }>();
	settingTabs: PluginSettingTab[] = [];
	readonly statusBar: HTMLElement;
	readonly ribbon: HTMLElement;
	readonly pluginData = new Map<string, unknown>();

	constructor(
		readonly appId: string,
		notes: HostNote[],
		root: HTMLElement,
	) {
		this.vault = new Vault(appId, notes);
		for (const file of this.vault.getMarkdownFiles()) this.metadataCache.parse(file, this.vault.texts.get(file.path) ?? '');
		this.workspace = new Workspace(this, root);
		this.statusBar = root.createDiv({ cls: 'status-bar' });
		this.ribbon = root.createDiv({ cls: 'side-dock-ribbon' });
	}

	/**
	 * The vault's local storage on this device, kept across a page reload as Obsidian keeps it.
	 * Belief, not documented: Obsidian stores JSON under `${appId}-${key}` in window.localStorage.
	 */
	loadLocalStorage(key: string): unknown {
		const raw = window.localStorage.getItem(`${this.appId}-${key}`);
		return raw === null ? null : (JSON.parse(raw) as unknown);
	}
	saveLocalStorage(key: string, data: unknown): void {
		if (data === null) window.localStorage.removeItem(`${this.appId}-${key}`);
		else window.localStorage.setItem(`${this.appId}-${key}`, JSON.stringify(data));
	}

	/** What the command palette does with a command: false when it is not available now. */
	runCommand(id: string): boolean {
		const command = this.commands.get(id);
		if (!command) throw new Error(`no command ${id}`);
		if (command.checkCallback) return command.checkCallback(false) !== false;
		void command.callback?.();
		return true;
	}
}
