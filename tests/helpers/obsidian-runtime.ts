/** The real runtime (indexer, IndexedDB store, search) with the fake embedder instead of the worker. */
import 'fake-indexeddb/auto';
import { ModelNotAvailableError } from '../../src/core/embedding/errors';
import { memoryModelFiles } from '../../src/core/embedding/model-files';
import { inProcessEngine } from '../../src/core/session/in-process-engine';
import type { VectorStore } from '../../src/core/store/types';
import type { ModelCheckMemory } from '../../src/obsidian/runtime/model-check';
import type { RuntimeFactory } from '../../src/obsidian/runtime/ports';
import type { EngineLoader } from '../../src/obsidian/runtime/engine-loader';
import { vaultRuntimeFactory } from '../../src/obsidian/runtime/runtime';
import { FakeEmbedder } from './fake-embedder';

export interface FakeEngineProbe {
	loads: number;
	embedders: FakeEmbedder[];
	/** The worker count each load was given (the *Indexing threads* setting, read when called). */
	threads: (() => number)[];
	/** Every embedder was disposed: what terminating the worker means here. */
	allDisposed(): boolean;
}

/**
 * The fake embedder is not all-MiniLM-L6-v2, so it fails the model check against Python. Unless a
 * test passes its own memory, these runtimes run it as a user who chose to use it anyway.
 */
export function usedAnywayModelChecks(): ModelCheckMemory {
	const check = { dtype: 'fp32' as const, passed: 0, total: 12, tolerance: 0.001, worst: undefined, ok: false };
	return { get: () => ({ check, usedAnyway: true }), set: () => undefined };
}

export function fakeEngineRuntime(
	options: { unavailable?: boolean; editDebounceMs?: number; store?: VectorStore; modelChecks?: ModelCheckMemory } = {},
): { factory: RuntimeFactory; probe: FakeEngineProbe } {
	const probe: FakeEngineProbe = {
		loads: 0,
		embedders: [],
		threads: [],
		allDisposed: () => probe.embedders.every((e) => e.disposed),
	};
	const loadEngine: EngineLoader = async (files, dtype, threads) => {
		probe.loads++;
		probe.threads.push(threads);
		if (options.unavailable) throw new ModelNotAvailableError([files.location], dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx');
		await files.read('config.json');
		const embedder = new FakeEmbedder({ modelKey: `fake-${dtype}` });
		probe.embedders.push(embedder);
		return inProcessEngine(embedder);
	};
	const inner = vaultRuntimeFactory({
		loadEngine,
		modelFiles: () => memoryModelFiles({ 'config.json': new Uint8Array([123, 125]) }, 'test model'),
		editDebounceMs: options.editDebounceMs ?? 5,
		...(options.store ? { openStore: () => options.store as VectorStore } : {}),
	});
	const factory: RuntimeFactory = (context) => inner({ ...context, modelChecks: options.modelChecks ?? usedAnywayModelChecks() });
	return { factory, probe };
}
