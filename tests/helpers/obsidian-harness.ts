/**
 * Casts between the shim's classes and Obsidian's types. The plugin is typed against the real
 * `obsidian.d.ts` while tests run it on the shim; the casts live here so tests stay readable.
 */
import type * as Obsidian from 'obsidian';
import { App, MarkdownView, Plugin, type FakeElement, type PluginManifest, type SuggestModal } from '../shims/obsidian';

export const asApp = (app: App): Obsidian.App => app as unknown as Obsidian.App;
export const asPlugin = (plugin: Plugin): Obsidian.Plugin => plugin as unknown as Obsidian.Plugin;
export const asView = (view: MarkdownView | null): Obsidian.MarkdownView | null => view as unknown as Obsidian.MarkdownView | null;
export const asObsidianManifest = (m: PluginManifest): Obsidian.PluginManifest => m as unknown as Obsidian.PluginManifest;

/** Like Obsidian's for an installed plugin: `dir` is the folder it was loaded from. */
export const manifest: PluginManifest = {
	id: 'semantic-note-search',
	name: 'Semantic Note Search',
	version: '0.1.0',
	minAppVersion: '1.5.0',
	dir: '.obsidian/plugins/semantic-note-search',
};

/** A bare plugin to own registrations in unit tests. */
export class HostPlugin extends Plugin {
	onload(): void {}
}

export function hostPlugin(app = new App()): { app: App; plugin: HostPlugin } {
	const plugin = new HostPlugin(app, manifest);
	plugin.load();
	return { app, plugin };
}

/** Opens `path` in the main leaf like a click in the file explorer. */
export async function openNote(app: App, path: string): Promise<MarkdownView> {
	const file = app.vault.getFileByPath(path);
	if (!file) throw new Error(`no note ${path}`);
	const leaf = app.workspace.getLeaf(false);
	await leaf.openFile(file);
	return leaf.view as MarkdownView;
}

/** The shim element behind an element typed as HTMLElement by the plugin. */
export const el = (element: HTMLElement): FakeElement => element as unknown as FakeElement;

/** The shim's SuggestModal (with setQuery, values, instructions, scope.press) behind a plugin modal. */
export const shimSuggest = <T>(modal: Obsidian.SuggestModal<T>): SuggestModal<T> => modal as unknown as SuggestModal<T>;
