/**
 * The e2e page: a minimal Obsidian host (host/: the `obsidian` module's classes over the real DOM,
 * a vault over the served notes, a workspace with a right sidebar) that loads the production
 * main.js the way Obsidian does, as a CommonJS body with `require('obsidian')` provided, and calls
 * its onload. Nothing here knows how the plugin is wired: the driver (e2e.ts) works through the
 * plugin's commands and the DOM it renders. `require('fs')` is Obsidian desktop's Node bridge,
 * which the plugin uses to read its model folder; here it reads from the test server.
 */
import { HostApp, type HostNote } from './host/app';
import { shimState } from './host/base';
import { Notice } from './host/ui';
import * as obsidian from './host/obsidian';
import { installObsidianDom } from './obsidian-dom';

installObsidianDom();

const MANIFEST: obsidian.PluginManifest = { id: 'semantic-note-search', name: 'Semantic Note Search', version: '0.1.0', minAppVersion: '1.5.0' };
/** The model folder the plugin is configured with; `fs` reads it from the server. */
const MODEL_FOLDER = '/model';

/** Long tasks (> 50 ms on the main thread) since the page started, from the browser itself. */
const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
	for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

/**
 * WebAssembly compiled on the page's own thread. The model must run only in the plugin's workers,
 * so this stays 0; an in-page fallback would freeze the app while it embeds.
 */
let mainThreadWasm = 0;
for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming'] as const) {
	const original = WebAssembly[name] as (...args: unknown[]) => unknown;
	(WebAssembly as unknown as Record<string, unknown>)[name] = (...args: unknown[]): unknown => {
		mainThreadWasm++;
		return original.apply(WebAssembly, args);
	};
}

/** Workers the plugin started and those it terminated (once or more): unload must leave none running. */
const started = new Set<Worker>();
const terminated = new Set<Worker>();
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
	constructor(url: string | URL, options?: WorkerOptions) {
		super(url, options);
		started.add(this);
	}
	override terminate(): void {
		terminated.add(this);
		super.terminate();
	}
};

/** `hover-link` events the workspace received. */
const hoverLinks: { source: string; linktext: string; hasHoverParent: boolean; targetClass: string }[] = [];

/** Status bar texts with page times: when indexing showed and when it ended. */
const statusBar: { at: number; text: string }[] = [];

const fsBridge = {
	promises: {
		async readFile(path: string): Promise<Uint8Array> {
			const res = await fetch(path);
			if (!res.ok) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
			return new Uint8Array(await res.arrayBuffer());
		},
	},
};

function hostRequire(id: string): unknown {
	if (id === 'obsidian') return obsidian;
	if (id === 'fs') return fsBridge;
	throw new Error(`main.js asked for ${id}, which the e2e host does not provide`);
}

type PluginInstance = obsidian.Plugin;
let app: HostApp | undefined;
let plugin: PluginInstance | undefined;

export interface StartInfo {
	/** Page-clock times: main.js evaluated, onload called, onload returned. */
	evaluated: number;
	onload: number;
	loaded: number;
	mainJsBytes: number;
}

function nextTask(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/** Starts "Obsidian": the vault, main.js evaluated as CommonJS, onload, then layout ready. */
async function start(): Promise<StartInfo> {
	const notes = (await (await fetch('/vault.json')).json()) as HostNote[];
	const config = (await (await fetch('/config.json')).json()) as { dtype: 'fp32' | 'q8'; banner: string };
	const root = document.body.createDiv({ cls: 'app-container' });
	// Host chrome, not the plugin's: says what the screenshot shows.
	root.createDiv({
		cls: 'e2e-banner',
		text: `The built main.js in a minimal Obsidian host (headless Chromium, Blob worker, WASM, IndexedDB) · ${config.banner}`,
	});
	app = new HostApp('e2e-vault', notes, root);
	// The section under each note is on, as a user would turn it on in the settings.
	app.pluginData.set(MANIFEST.id, { modelFolder: MODEL_FOLDER, dtype: config.dtype, showUnderNote: true });
	// Page preview's side of a hover: what reached the workspace, as the core plugin would receive it.
	app.workspace.on('hover-link', (info: { source?: unknown; linktext?: unknown; hoverParent?: unknown; targetEl?: unknown }) => {
		hoverLinks.push({
			source: String(info.source),
			linktext: String(info.linktext),
			hasHoverParent: typeof info.hoverParent === 'object' && info.hoverParent !== null && 'hoverPopover' in info.hoverParent,
			targetClass: info.targetEl instanceof HTMLElement ? info.targetEl.className : '',
		});
	});
	new MutationObserver(() => {
		const text = app?.statusBar.textContent ?? '';
		if (statusBar.at(-1)?.text !== text) statusBar.push({ at: performance.now(), text });
	}).observe(app.statusBar, { subtree: true, childList: true, characterData: true });
	const source = await (await fetch('/main.js')).text();
	const module = { exports: {} as { default?: new (app: obsidian.App, manifest: obsidian.PluginManifest) => PluginInstance } };
	// As Obsidian loads a plugin: main.js as the body of a CommonJS function, given `require`.
	document.head.createEl('script').textContent = `window.e2eMainJs = function (require, module, exports) {\n${source}\n};`;
	window.e2eMainJs(hostRequire, module, module.exports);
	const evaluated = performance.now();
	const Plugin = module.exports.default;
	if (!Plugin) throw new Error('main.js has no default export');
	// Evaluating 5 MB of main.js is one long task of the host's (Obsidian's too); the plugin's own
	// work starts in the next task, so long tasks can be told apart.
	await nextTask();
	const onload = performance.now();
	plugin = new Plugin(app as unknown as obsidian.App, MANIFEST);
	plugin.load();
	await Promise.all(shimState.pendingLoads.splice(0));
	const loaded = performance.now();
	// Obsidian fires layout ready once the workspace is restored, in a later task.
	await nextTask();
	app.workspace.setLayoutReady();
	return { evaluated, onload, loaded, mainJsBytes: source.length };
}

function mustApp(): HostApp {
	if (!app) throw new Error('host.start() first');
	return app;
}

/** Runs a plugin command as the command palette would; false when it is not available now. */
function command(id: string): boolean {
	return mustApp().runCommand(`${MANIFEST.id}:${id}`);
}

/** Opens a note in the note pane, making it the active file. */
async function openNote(path: string): Promise<void> {
	const a = mustApp();
	const file = a.vault.getFileByPath(path);
	if (!file) throw new Error(`no note ${path}`);
	await a.workspace.getLeaf().openFile(file);
}

/** Switches the open note between live preview ('source') and Reading view ('preview'), as its toggle does. */
function setMode(mode: 'source' | 'preview'): void {
	const a = mustApp();
	const view = a.workspace.getLeaf().view;
	if (!(view instanceof obsidian.MarkdownView)) throw new Error('no note is open');
	view.setMode(mode);
	a.workspace.trigger('layout-change');
}

/** Disables the plugin: everything it registered is cleaned up. */
function unload(): void {
	plugin?.unload();
	plugin = undefined;
}

/**
 * Proves the long-task instrument works in this browser: blocks the main thread for `ms` on
 * purpose (outside any measured window) and reports whether the observer saw it.
 */
async function probeLongTask(ms: number): Promise<boolean> {
	// Inside a timer callback: code run by page.evaluate itself is not an event-loop task.
	const start = await new Promise<number>((resolve) =>
		window.setTimeout(() => {
			const t0 = performance.now();
			while (performance.now() - t0 < ms) {
				// busy on purpose
			}
			resolve(t0);
		}, 0),
	);
	await new Promise((resolve) => window.setTimeout(resolve, 300));
	return longTasks.some((t) => t.start + t.duration >= start + ms * 0.9 && t.duration >= ms * 0.9);
}

/** Proves the WebAssembly counter works: compiling the smallest module on the page must count. */
async function probeWasmCounter(): Promise<boolean> {
	const before = mainThreadWasm;
	await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
	return mainThreadWasm === before + 1;
}

const host = {
	start,
	command,
	openNote,
	setMode,
	unload,
	probeLongTask,
	probeWasmCounter,
	notices: () => Notice.shown.slice(),
	longTasks: () => longTasks.slice(),
	mainThreadWasm: () => mainThreadWasm,
	statusBar: () => statusBar.slice(),
	workers: () => ({ started: started.size, terminated: terminated.size }),
	commands: () => [...mustApp().commands.keys()],
	hoverLinks: () => hoverLinks.slice(),
	hoverSources: () => Object.fromEntries(mustApp().hoverLinkSources),
};
export type Host = typeof host;

declare global {
	/** What the e2e driver calls through Playwright. */
	interface Window {
		host: Host;
		/** main.js wrapped as a CommonJS function by `start`. */
		e2eMainJs(require: (id: string) => unknown, module: { exports: object }, exports: object): void;
	}
}
window.host = host;
