/**
 * The "Compute device" setting through the real runtime (indexer, store, model check) with fake
 * engines per device: WebGPU is used only with an adapter, a model that loads and a model check
 * passed on WebGPU; every other case runs WASM and says why in Show index status.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Device } from '../../../src/core/embedding/types';
import { memoryModelFiles } from '../../../src/core/embedding/model-files';
import { EmbedderUnavailableError } from '../../../src/core/index/errors';
import { localWindows } from '../../../src/core/index/window-port';
import type { ComputeSetting } from '../../../src/obsidian/runtime/compute-device';
import type { EngineLoader } from '../../../src/obsidian/runtime/engine-loader';
import type { ModelCheckMemory, ModelCheckRecord } from '../../../src/obsidian/runtime/model-check';
import type { RuntimeContext } from '../../../src/obsidian/runtime/ports';
import { vaultRuntimeFactory } from '../../../src/obsidian/runtime/runtime';
import { defaultSettings } from '../../../src/obsidian/runtime/settings';
import { IndexStatusModal } from '../../../src/obsidian/ui/index-status-modal';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { asApp } from '../../helpers/obsidian-harness';
import { App } from '../../shims/obsidian';

const GPU = { adapter: { name: 'test vendor test gpu', software: false } };
const SOFTWARE_GPU = { adapter: { name: 'google swiftshader', software: true } };
const NO_GPU = { unavailable: 'WebGPU has no adapter here (no supported GPU, or the GPU is blocklisted)' };
const PASSED: ModelCheckRecord = { check: { dtype: 'fp32', passed: 12, total: 12, tolerance: 0.001, worst: undefined, ok: true }, usedAnyway: false };

/** A fake embedder whose device can give out while embedding, as a lost GPU does. */
class DeviceEmbedder extends FakeEmbedder {
	lost = false;
	override embed(texts: readonly string[]): Promise<Float32Array[]> {
		if (this.lost) return Promise.reject(new EmbedderUnavailableError('WebGPU failed while embedding: device lost'));
		return super.embed(texts);
	}
}

interface Setup {
	setting: ComputeSetting;
	probe?: typeof GPU | typeof SOFTWARE_GPU | typeof NO_GPU;
	/** Remembered checks, by key. The fake embedder fails a check that really runs. */
	remembered?: Record<string, ModelCheckRecord>;
	gpuLoadError?: string;
}

async function setup(options: Setup) {
	const app = new App();
	await app.vault.create('Garden/Tomatoes.md', '# Tomatoes\nWater the tomato plants every morning.');
	const records = new Map(Object.entries(options.remembered ?? {}));
	const memory: ModelCheckMemory = { get: (k) => records.get(k), set: (k, r) => void records.set(k, r) };
	const loads: Device[] = [];
	const engines: { device: Device; embedder: DeviceEmbedder }[] = [];
	let probes = 0;
	const loadEngine: EngineLoader = (_files, dtype, _threads, device = 'wasm') => {
		loads.push(device);
		if (device === 'webgpu' && options.gpuLoadError) return Promise.reject(new Error(options.gpuLoadError));
		const embedder = new DeviceEmbedder({ modelKey: `fake-${dtype}` });
		engines.push({ device, embedder });
		const compute = device === 'webgpu' ? { device, adapter: GPU.adapter.name } : { device };
		return Promise.resolve({ embedder, windows: localWindows(embedder), answer: () => Promise.resolve(undefined), dispose: () => embedder.dispose(), compute });
	};
	const factory = vaultRuntimeFactory({
		loadEngine,
		modelFiles: () => memoryModelFiles({ 'config.json': new Uint8Array([123, 125]) }, 'test model'),
		editDebounceMs: 5,
		probeWebGpu: () => {
			probes++;
			return Promise.resolve(options.probe ?? NO_GPU);
		},
	});
	const settings = { ...defaultSettings('.obsidian'), computeDevice: options.setting };
	const context: RuntimeContext = { app: asApp(app), pluginDir: '.obsidian/plugins/semantic-note-search', signal: new AbortController().signal, modelChecks: memory, settings: () => settings, onModelError: () => undefined };
	const runtime = factory(context);
	/** The "Show index status" modal's text, as the user reads it. */
	const statusText = async (): Promise<string> => {
		const modal = new IndexStatusModal(asApp(app), runtime.index, { check: () => runtime.modelCheck(), useAnyway: () => void runtime.useModelAnyway() });
		modal.open();
		await modal.rendered;
		const text = modal.contentEl.getText();
		modal.close();
		return text;
	};
	return { runtime, loads, engines, records, statusText, probes: () => probes };
}

/** WASM checks are remembered as accepted, so only what happens on WebGPU decides the test. */
const wasmAccepted: Record<string, ModelCheckRecord> = { 'fake-fp32': { ...PASSED, check: { ...PASSED.check, passed: 0, ok: false }, usedAnyway: true } };

describe('compute device', () => {
	it('auto with a GPU adapter runs the model on WebGPU once it passed its check there', async () => {
		const s = await setup({ setting: 'auto', probe: GPU, remembered: { 'fake-fp32|webgpu:test vendor test gpu': PASSED } });
		await s.runtime.index.sync();
		expect(s.loads).toEqual(['webgpu']);
		// The note was embedded by the WebGPU engine.
		expect(s.engines[0].embedder.embeddedTexts.some((t) => t.includes('Water the tomato plants'))).toBe(true);
		expect(s.runtime.modelCheck().device).toBe('Compute device: WebGPU (test vendor test gpu)');
		expect(await s.statusText()).toContain('Compute device: WebGPU (test vendor test gpu)');
		await s.runtime.dispose();
	});

	it('auto runs the model check on WebGPU itself, and falls back to WASM with the reason when WebGPU fails it', async () => {
		const s = await setup({ setting: 'auto', probe: GPU, remembered: wasmAccepted });
		await s.runtime.index.sync();
		expect(s.loads).toEqual(['webgpu', 'wasm']);
		const [gpu, cpu] = s.engines;
		// The published pairs were embedded on the WebGPU engine, which was then let go.
		expect(gpu.embedder.embeddedTexts).toContain('The weather is lovely today.');
		expect(gpu.embedder.disposed).toBe(true);
		expect(cpu.embedder.disposed).toBe(false);
		expect(s.records.get('fake-fp32|webgpu:test vendor test gpu')?.check.ok).toBe(false);
		const status = await s.statusText();
		expect(status).toMatch(/Compute device: WASM\. WebGPU is not used: on WebGPU \(test vendor test gpu\) the model failed its check: Model check: \d+ of 12 pairs match Python within 0\.001 \(fp32\)/);
		expect((await s.runtime.index.status()).indexed).toBe(1);
		await s.runtime.dispose();
	});

	it('auto without a WebGPU adapter loads the model once, on WASM, and says why', async () => {
		const s = await setup({ setting: 'auto', probe: NO_GPU, remembered: wasmAccepted });
		await s.runtime.index.sync();
		expect(s.loads).toEqual(['wasm']);
		expect(await s.statusText()).toContain('Compute device: WASM. WebGPU is not used: WebGPU has no adapter here (no supported GPU, or the GPU is blocklisted)');
		await s.runtime.dispose();
	});

	it('auto leaves a software WebGPU adapter alone; choosing WebGPU uses it', async () => {
		const auto = await setup({ setting: 'auto', probe: SOFTWARE_GPU, remembered: wasmAccepted });
		await auto.runtime.index.sync();
		expect(auto.loads).toEqual(['wasm']);
		expect(auto.runtime.modelCheck().device).toBe(
			'Compute device: WASM. WebGPU is not used: the only WebGPU adapter here (google swiftshader) is a software renderer, slower than WASM; choose WebGPU under Compute device to use it anyway',
		);
		await auto.runtime.dispose();

		const chosen = await setup({ setting: 'webgpu', probe: SOFTWARE_GPU, remembered: { 'fake-fp32|webgpu:google swiftshader': PASSED } });
		await chosen.runtime.index.sync();
		expect(chosen.loads).toEqual(['webgpu']);
		expect(chosen.runtime.modelCheck().device).toBe('Compute device: WebGPU (google swiftshader)');
		await chosen.runtime.dispose();
	});

	it('falls back to WASM with the error when the model does not load on WebGPU, even when WebGPU was chosen', async () => {
		const s = await setup({ setting: 'webgpu', probe: GPU, remembered: wasmAccepted, gpuLoadError: 'Failed to create the WebGPU device' });
		await s.runtime.index.sync();
		expect(s.loads).toEqual(['webgpu', 'wasm']);
		expect(await s.statusText()).toContain('Compute device: WASM. WebGPU is not used: the model did not load on WebGPU (test vendor test gpu): Failed to create the WebGPU device');
		await s.runtime.dispose();
	});

	it('a GPU that gives out while embedding sends the next session to WASM, with the reason', async () => {
		const s = await setup({ setting: 'auto', probe: GPU, remembered: { ...wasmAccepted, 'fake-fp32|webgpu:test vendor test gpu': PASSED } });
		await s.runtime.index.sync();
		s.engines[0].embedder.lost = true;
		await expect(s.runtime.search.search('tomatoes')).rejects.toThrow(/device lost/);
		// The broken session was dropped; the next use opens the model again, on WASM.
		const answer = await s.runtime.search.search('tomato plants');
		expect(s.loads).toEqual(['webgpu', 'wasm']);
		expect(answer.results.map((r) => r.path)).toEqual(['Garden/Tomatoes.md']);
		expect(s.runtime.modelCheck().device).toBe(
			'Compute device: WASM. WebGPU is not used: WebGPU (test vendor test gpu) failed while embedding, so WASM is used until Obsidian restarts: WebGPU failed while embedding: device lost',
		);
		await s.runtime.dispose();
	});

	it('wasm never asks for a WebGPU adapter and names no fallback', async () => {
		const s = await setup({ setting: 'wasm', probe: GPU, remembered: wasmAccepted });
		await s.runtime.index.sync();
		expect(s.loads).toEqual(['wasm']);
		expect(s.probes()).toBe(0);
		expect(s.runtime.modelCheck().device).toBe('Compute device: WASM');
		await s.runtime.dispose();
	});
});
