import { describeModelCheck, type ModelCheck } from '../../core/fixtures/model-check';
import type { ComputeInfo, Device } from '../../core/embedding/types';
import type { WebGpuAdapter } from '../../core/embedding/webgpu-adapter';
import { isEmbedderUnavailable } from '../../core/index/errors';
import type { EngineHandle } from '../../core/session/engine-handle';
import { isModelUnavailable, userMessage } from './errors';

/** The "Compute device" setting: WebGPU when it works here and passes the model check (auto), or one device. */
export type ComputeSetting = 'auto' | Device;

/** Where the model ended up, and why not on WebGPU when the setting allowed it. */
export interface ComputeChoice {
	compute: ComputeInfo;
	/** Set when WebGPU was allowed but the model runs on WASM. */
	fallback?: string;
}

export interface DeviceDeps {
	/** The adapter WebGPU offers here (core's probeWebGpu on the main thread). */
	probe(): Promise<{ adapter: WebGpuAdapter } | { unavailable: string }>;
	/** Loads the model in a new worker on `device`. */
	load(device: Device): Promise<EngineHandle>;
	/** The model check of a loaded engine on `device` (remembered per model files and device). */
	check(engine: EngineHandle, device: string): Promise<ModelCheck>;
	/** Set once WebGPU failed while embedding in this app session: it is not tried again until restart. */
	failedWhileRunning?: string;
}

/** The key a WebGPU model check is remembered under: another GPU, another check. */
export function webGpuCheckKey(adapter: string): string {
	return `webgpu:${adapter}`;
}

/**
 * Loads the model on the device the setting asks for. WebGPU is used only when an adapter exists
 * (a software one only when the user chose WebGPU: it is slower than WASM), the model loads on it,
 * and it passes the model check there; on any failure the model loads on WASM and the reason is
 * kept for Show index status and the settings. Errors that WASM would hit too (no model files)
 * are not hidden behind a second load.
 */
export async function loadOnDevice(setting: ComputeSetting, deps: DeviceDeps): Promise<{ engine: EngineHandle; choice: ComputeChoice }> {
	if (setting === 'wasm') return { engine: await deps.load('wasm'), choice: { compute: { device: 'wasm' } } };
	const attempt = await tryWebGpu(setting, deps);
	if (typeof attempt !== 'string') return attempt;
	return { engine: await deps.load('wasm'), choice: { compute: { device: 'wasm' }, fallback: attempt } };
}

/** The engine on WebGPU with its choice, or why WebGPU is not used. */
async function tryWebGpu(setting: 'auto' | 'webgpu', deps: DeviceDeps): Promise<{ engine: EngineHandle; choice: ComputeChoice } | string> {
	if (deps.failedWhileRunning) return deps.failedWhileRunning;
	const probe = await deps.probe();
	if ('unavailable' in probe) return probe.unavailable;
	const adapter = probe.adapter.name;
	if (probe.adapter.software && setting === 'auto') {
		return `the only WebGPU adapter here (${adapter}) is a software renderer, slower than WASM; choose WebGPU under Compute device to use it anyway`;
	}
	let engine: EngineHandle;
	try {
		engine = await deps.load('webgpu');
	} catch (error) {
		if (isModelUnavailable(error)) throw error;
		return `the model did not load on WebGPU (${adapter}): ${userMessage(error)}`;
	}
	let check: ModelCheck;
	// Checked before anything is indexed with it: this is where a GPU that computes wrong numbers is caught.
	try {
		check = await deps.check(engine, webGpuCheckKey(adapter));
	} catch (error) {
		await engine.dispose();
		return `the model check could not run on WebGPU (${adapter}): ${userMessage(error)}`;
	}
	if (!check.ok) {
		await engine.dispose();
		return `on WebGPU (${adapter}) the model failed its check: ${describeModelCheck(check)}`;
	}
	if (engine.compute?.device !== 'webgpu') {
		await engine.dispose();
		return 'the embedding worker did not run the model on WebGPU';
	}
	return { engine, choice: { compute: { device: 'webgpu', adapter } } };
}

/** "Compute device: WebGPU (google swiftshader)", or WASM and why not WebGPU. */
export function describeCompute(choice: ComputeChoice): string {
	if (choice.compute.device === 'webgpu') return `Compute device: WebGPU (${choice.compute.adapter ?? 'unnamed adapter'})`;
	return choice.fallback ? `Compute device: WASM. WebGPU is not used: ${choice.fallback}` : 'Compute device: WASM';
}

/**
 * The engine, reporting when its device gives out while embedding (the engine and the worker
 * client report that as the embedder gone). Failures after dispose (a settings change or unload
 * stopping the worker) are not the device's.
 */
export function watchEngine(engine: EngineHandle, onFailure: (reason: string) => void): EngineHandle {
	let disposed = false;
	const noticed = <T>(run: Promise<T>): Promise<T> =>
		run.catch((error: unknown) => {
			if (!disposed && isEmbedderUnavailable(error)) onFailure(userMessage(error));
			throw error;
		});
	const { embedder } = engine;
	return {
		compute: engine.compute,
		embedder: { modelKey: embedder.modelKey, dim: embedder.dim, embed: (texts) => noticed(embedder.embed(texts)), dispose: () => embedder.dispose() },
		windows: (notes, control) => noticed(engine.windows(notes, control)),
		answer: (query, passage) => noticed(engine.answer(query, passage)),
		dispose: () => {
			disposed = true;
			return engine.dispose();
		},
	};
}
