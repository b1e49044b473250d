import { chromium, type Browser as PlaywrightBrowser, type BrowserContext } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's package; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser test cannot run here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
	return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (install Debian's "chromium" package)`;
}

const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * WebGPU on SwiftShader, Chromium's CPU implementation of Vulkan: a WebGPU adapter on any machine,
 * GPU or not (works with the default headless mode and with --headless=new alike).
 */
const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader'];

export interface Browser {
	context: BrowserContext;
	close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile, so IndexedDB starts empty and nothing leaks between runs.
 * Without `webgpu` the GPU is off, as on a machine where WebGPU offers no adapter.
 */
export async function launch(options: { webgpu?: boolean } = {}): Promise<Browser> {
	const profile = mkdtempSync(join(tmpdir(), 'sns-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [...ARGS, ...(options.webgpu ? WEBGPU_ARGS : ['--disable-gpu'])],
		viewport: { width: 1100, height: 760 },
		deviceScaleFactor: 1,
	});
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/**
 * Headless Chromium without a persistent profile, for the benchmark: unlike `launch`, it gives a
 * browser-level CDP session (SystemInfo.getProcessInfo names the renderer processes).
 */
export function launchBrowser(): Promise<PlaywrightBrowser> {
	// No GPU: the bench measures the WASM path, as on a machine without a WebGPU adapter.
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, '--disable-gpu'] });
}
