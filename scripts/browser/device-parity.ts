/**
 * Runs the plugin's own worker bundle (scripts/worker-build.mjs, as inlined into main.js) in
 * headless Chromium with WebGPU on SwiftShader, and embeds the same texts on WebGPU and on WASM.
 * The comparison with the float64 reference or with Python is the caller's
 * (tests/browser/webgpu-parity.test.ts). SwiftShader runs WebGPU on the CPU: its timings say
 * nothing about a real GPU.
 */
import type { Device, Dtype } from '../../src/core/embedding/types';
import { buildWorkerSource } from '../worker-build.mjs';
import { bundlePageScript } from './build';
import { launch } from './chromium';
import type { DeviceRun } from './embed-page';
import { serve } from './server';

export type { DeviceRun } from './embed-page';

export interface DeviceParityOptions {
	root: string;
	modelDir: string;
	dtype: Dtype;
	/** Each group is one embed call, padded to its longest text: group texts of like length, since SwiftShader pays for every padded token. */
	groups: string[][];
	devices: Device[];
	log?: (line: string) => void;
}

export interface DeviceParityResult {
	runs: Partial<Record<Device, DeviceRun>>;
	/** What the page itself saw: the adapter WebGPU offers it. */
	adapter: { vendor: string; architecture: string; software: boolean } | undefined;
	consoleErrors: string[];
}

export async function embedOnDevices(opts: DeviceParityOptions): Promise<DeviceParityResult> {
	const log = opts.log ?? (() => undefined);
	const [worker, page] = await Promise.all([
		buildWorkerSource({ root: opts.root, minify: true }),
		bundlePageScript(opts.root, 'scripts/browser/embed-page.ts'),
	]);
	const server = await serve({
		'/': { body: '<!doctype html><html><head><meta charset="utf-8"><title>Device parity</title></head><body><script src="/page.js"></script></body></html>', type: 'text/html; charset=utf-8' },
		'/page.js': { body: page },
		'/worker.js': { body: worker },
		'/favicon.ico': { body: new Uint8Array(0), type: 'image/x-icon' },
		'/model/': { dir: opts.modelDir },
	});
	const browser = await launch({ webgpu: true });
	try {
		const tab = await browser.context.newPage();
		const consoleErrors: string[] = [];
		tab.on('pageerror', (err) => consoleErrors.push(String(err)));
		tab.on('console', (msg) => {
			if (msg.type() === 'error') consoleErrors.push(msg.text());
		});
		tab.setDefaultTimeout(600_000);
		await tab.goto(`${server.origin}/`);
		await tab.waitForFunction(() => typeof window.embedPage === 'object');
		const adapter = await tab.evaluate(async () => {
			const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info: { vendor: string; architecture: string; isFallbackAdapter?: boolean } } | null> } }).gpu;
			const found = await gpu?.requestAdapter();
			return found ? { vendor: found.info.vendor, architecture: found.info.architecture, software: found.info.isFallbackAdapter === true } : undefined;
		});
		log(`page adapter: ${JSON.stringify(adapter)}`);
		const runs: Partial<Record<Device, DeviceRun>> = {};
		for (const device of opts.devices) {
			const run = await tab.evaluate(({ device, dtype, groups }) => window.embedPage.embedOn(device, dtype, groups), { device, dtype: opts.dtype, groups: opts.groups });
			log(`${device}: ran on ${JSON.stringify(run.compute)}, ${run.gpuCalls.submits} GPU submits, ${run.gpuCalls.dispatches} dispatches; load ${run.loadSeconds.toFixed(1)} s, ${run.vectors.length} texts in ${run.embedSeconds.toFixed(1)} s`);
			runs[device] = run;
		}
		return { runs, adapter, consoleErrors };
	} finally {
		await browser.close();
		await server.close();
	}
}
