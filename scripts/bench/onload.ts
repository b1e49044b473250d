/**
 * Plugin start-up in the Obsidian shim (`obsidian` = tests/shims/obsidian.ts):
 * - `onload` of src/main.ts on fresh App + plugin instances: the first run is what a user waits
 *   for (cold JIT) and carries the target; the median is the steady cost. The instances are just
 *   dropped: layout-ready never fires, so nothing was started.
 * - when a built main.js exists: evaluating it (Obsidian parses the whole file, inlined worker
 *   and WASM included) followed by its onload — the real cost of enabling the plugin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import type * as Obsidian from 'obsidian';
import SemanticNoteSearchPlugin from '../../src/main';
import * as shim from '../../tests/shims/obsidian';
import { now, runPart } from './part';
import { percentile } from './stats';

const manifest = { id: 'semantic-note-search', name: 'Semantic Note Search', version: '0.1.0', minAppVersion: '1.5.0' } as unknown as Obsidian.PluginManifest;

type PluginClass = new (app: Obsidian.App, manifest: Obsidian.PluginManifest) => { onload(): Promise<void> };

/** Evaluates main.js as Obsidian does (CommonJS, `obsidian` provided by the host). */
function evaluateMainJs(file: string): PluginClass {
	const nodeRequire = createRequire(file);
	const module = { exports: {} as { default?: PluginClass } };
	const hostRequire = (id: string): unknown => (id === 'obsidian' ? shim : nodeRequire(id));
	// Compiled as a CommonJS function body, the way Obsidian loads a plugin's main.js.
	const body = compileFunction(readFileSync(file, 'utf8'), ['require', 'module', 'exports'], { filename: file }) as (
		req: (id: string) => unknown,
		mod: typeof module,
		exp: typeof module.exports,
	) => void;
	body(hostRequire, module, module.exports);
	const Plugin = module.exports.default;
	if (!Plugin) throw new Error('main.js has no default export');
	return Plugin;
}

interface Out {
	firstMs: number;
	p50Ms: number;
	maxMs: number;
	runs: number;
	/** Parse + evaluate of the built main.js, then its first onload; undefined without a build. */
	mainJsEvalMs?: number;
	mainJsOnloadMs?: number;
}

runPart<{ runs: number; root: string }, Out>(async ({ runs, root }) => {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const plugin = new SemanticNoteSearchPlugin(new shim.App() as unknown as Obsidian.App, manifest);
		const t0 = now();
		await plugin.onload();
		times.push(now() - t0);
	}
	const out: Out = { firstMs: times[0], p50Ms: percentile(times, 50), maxMs: Math.max(...times), runs };
	const mainJs = join(root, 'main.js');
	if (existsSync(mainJs)) {
		const t0 = now();
		const Plugin = evaluateMainJs(mainJs);
		out.mainJsEvalMs = now() - t0;
		const plugin = new Plugin(new shim.App() as unknown as Obsidian.App, manifest);
		const t1 = now();
		await plugin.onload();
		out.mainJsOnloadMs = now() - t1;
	}
	return out;
});
