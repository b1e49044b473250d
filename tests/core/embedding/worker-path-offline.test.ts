/**
 * The worker's way of building an engine — model files handed over as bytes, the WASM binary as
 * bytes — works with every network request failing: transformers.js and ORT never reach for a
 * CDN or the Hub, and small batches give the same vectors as the reference.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { createEngine, memoryModelFiles } from '../../../src/core/embedding';
import { nodeWasmBinary } from '../../../src/node/node-engine';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { referenceEmbeddings, SLOW_TIMEOUT } from '../../helpers/reference-cache';
import { printFigures, compareWithReference } from '../../helpers/reference-parity';
import { DEFAULT_SEED } from '../../helpers/synthetic-model';
import { PARITY_TEXTS } from './parity-texts';
import { referenceIds } from './reference-ids';

const networkAttempts: string[] = [];
let engine: EmbeddingEngine;

/** Every file of a model folder as relative path → bytes, like the worker receives them. */
function readFolder(root: string, dir = root, out: Record<string, Uint8Array> = {}): Record<string, Uint8Array> {
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) readFolder(root, full, out);
		else out[path.relative(root, full).split(path.sep).join('/')] = new Uint8Array(readFileSync(full));
	}
	return out;
}

beforeAll(async () => {
	// Installed before transformers.js is first imported in this process, so it cannot have kept
	// a reference to the real fetch.
	vi.stubGlobal('fetch', (input: string | URL | Request) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		networkAttempts.push(url);
		return Promise.reject(new Error(`network access attempted: ${url}`));
	});
	const files = memoryModelFiles(readFolder(inject('syntheticModelDir')), 'transferred model files');
	engine = await createEngine({ files, wasmBinary: await nodeWasmBinary(), batchSize: 3 });
}, SLOW_TIMEOUT);

afterAll(async () => {
	await engine?.dispose();
	vi.unstubAllGlobals();
});

describe('engine built from transferred bytes, offline', () => {
	test('embeds in batches of 3 exactly like the float64 reference, with no network access', async () => {
		const vectors = await engine.embed(PARITY_TEXTS);
		const ids = PARITY_TEXTS.map((text) => referenceIds(engine.tokenizer.wordPieces(text)));
		const report = compareWithReference(vectors, await referenceEmbeddings({ seed: DEFAULT_SEED, gelu: 'erf' }, ids));
		printFigures(`batchSize 3, from bytes: max |Δ element| ${report.maxElementDiff.toExponential(2)}, max |Δ cosine| ${report.maxCosineDiff.toExponential(2)}`);
		expect(report.ok).toBe(true);
		expect(networkAttempts).toEqual([]);
	}, SLOW_TIMEOUT);

	test('ORT runs one thread without a proxy, and no CDN path is configured', async () => {
		const ort = (globalThis as Record<symbol, unknown>)[Symbol.for('onnxruntime')] as typeof import('onnxruntime-web');
		expect(ort.env.wasm.numThreads).toBe(1);
		expect(ort.env.wasm.proxy).toBe(false);
		expect(JSON.stringify(ort.env.wasm.wasmPaths ?? {})).not.toMatch(/https?:/);
		const t = await import('@huggingface/transformers');
		expect(t.env.useFS).toBe(false);
		expect(t.env.allowLocalModels).toBe(false);
		expect(t.env.useWasmCache).toBe(false);
	});

	test('an empty input gives an empty result and a key that names model and dtype', async () => {
		expect(await engine.embed([])).toEqual([]);
		expect(engine.modelKey).toMatch(/^all-MiniLM-L6-v2\/fp32\/sha256-[0-9a-f]{16}$/);
		expect(engine.dim).toBe(384);
	});
});
