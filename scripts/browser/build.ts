/**
 * Builds what the e2e page loads: the production main.js, exactly as esbuild.config.mjs builds it
 * (scripts/plugin-build.mjs, kept in memory here), and the page script with the Obsidian host.
 */
import esbuild from 'esbuild';
import { join } from 'node:path';
import { pluginBuildOptions } from '../plugin-build.mjs';

export interface PageBundle {
	/** The page script: the Obsidian host that loads main.js. */
	page: string;
	/** The production main.js (worker and gzipped WASM inlined). */
	mainJs: string;
}

/**
 * A page script bundled in memory from `entry` (repository-relative), with `alias` for imports such
 * as `obsidian` and `plugins` (e.g. the inlined worker).
 */
export async function bundlePageScript(root: string, entry: string, extra: { alias?: Record<string, string>; plugins?: esbuild.Plugin[] } = {}): Promise<string> {
	const page = await esbuild.build({
		entryPoints: [join(root, entry)],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'warning',
		absWorkingDir: root,
		alias: extra.alias ?? {},
		plugins: extra.plugins ?? [],
	});
	return page.outputFiles[0].text;
}

export async function buildPage(root: string): Promise<PageBundle> {
	const [plugin, page] = await Promise.all([
		esbuild.build({ ...pluginBuildOptions({ root, production: true }), write: false, logLevel: 'warning' }),
		bundlePageScript(root, 'scripts/browser/page.ts'),
	]);
	return { page, mainJs: plugin.outputFiles[0].text };
}
