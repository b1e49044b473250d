/**
 * Headless Chromium around the benchmark page (browser-page.ts): the page bundle is built with the
 * plugin's own worker bundle inlined (scripts/worker-build.mjs, minified as in the production
 * main.js), served with the model folder from 127.0.0.1, and opened in a fresh browser each time,
 * so every configuration starts with a new renderer process and a fresh peak-memory record.
 */
import type { CDPSession, Page } from 'playwright-core';
import { bundlePageScript } from '../browser/build';
import { launchBrowser } from '../browser/chromium';
import { serve, type StaticServer } from '../browser/server';
import { buildWorkerSource, inlineWorker } from '../worker-build.mjs';
import type { BenchPage } from './browser-page';
import { rendererFigures, type RendererFigures } from './renderer-memory';

export interface BenchTab {
	page: Page;
	/** Calls `window.bench[name](...args)` in the page. */
	call<K extends keyof BenchPage>(name: K, ...args: Parameters<BenchPage[K]>): Promise<Awaited<ReturnType<BenchPage[K]>>>;
	renderers(): Promise<RendererFigures[]>;
	close(): Promise<void>;
}

export interface BenchServer {
	/** A fresh browser on the page; the page script has run when it resolves. */
	open(): Promise<BenchTab>;
	close(): Promise<void>;
}

async function buildPageScript(root: string): Promise<string> {
	const workerSource = await buildWorkerSource({ root, minify: true });
	// A classic script like the worker; the page itself never loads transformers.js or ORT.
	return bundlePageScript(root, 'scripts/bench/browser-page.ts', { plugins: [inlineWorker(() => workerSource)] });
}

export async function benchServer(root: string, modelDir: string): Promise<BenchServer> {
	const script = await buildPageScript(root);
	const server: StaticServer = await serve({
		'/': { body: '<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><script src="/bench.js"></script></body></html>', type: 'text/html; charset=utf-8' },
		'/bench.js': { body: script },
		'/model/': { dir: modelDir },
	});
	return {
		async open() {
			const browser = await launchBrowser();
			const page = await browser.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await page.goto(`${server.origin}/`);
			await page.waitForFunction(() => typeof window.bench === 'object');
			const cdp: CDPSession = await browser.newBrowserCDPSession();
			return {
				page,
				call: async (name, ...args) => {
					const out = await page.evaluate(([n, a]) => (window.bench[n] as (...x: unknown[]) => Promise<unknown>)(...a), [name, args] as const);
					if (errors.length > 0) throw new Error(`page errors: ${errors.join(' | ')}`);
					return out as never;
				},
				renderers: () => rendererFigures(cdp),
				close: () => browser.close(),
			};
		},
		close: () => server.close(),
	};
}
