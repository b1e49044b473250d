/**
 * Writes a model folder in the transformers.js (HF) layout with a synthetic all-MiniLM-L6-v2:
 * seeded weights in `onnx/model.onnx`, next to the REAL tokenizer and config read from
 * ../shared (copied only into the git-ignored output folder). Regeneration is skipped when the
 * folder already holds a model made with the same parameters and generator version.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSyntheticOnnx } from './synthetic-onnx';
import { createWeights, type SyntheticParams } from './synthetic-weights';

/** Bump when the graph or weight recipe changes, so stale generated folders are rebuilt. */
export const GENERATOR_VERSION = 2;

export const DEFAULT_SEED = 20240611;

/** Files of the real model that the synthetic folder reuses unchanged. */
export const REAL_MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt'];

const STAMP = 'synthetic-model.json';

export function fingerprint(params: SyntheticParams): string {
	return createHash('sha256').update(JSON.stringify({ v: GENERATOR_VERSION, ...params })).digest('hex').slice(0, 16);
}

function writeAtomic(file: string, bytes: Uint8Array | string): void {
	const tmp = `${file}.tmp-${process.pid}`;
	writeFileSync(tmp, bytes);
	renameSync(tmp, file);
}

/**
 * Ensures `outDir` holds the synthetic model for `params`; returns true when it was (re)built.
 * `realModelDir` is the shared folder with the real tokenizer/config (never copied into git).
 */
export function ensureSyntheticModel(outDir: string, params: SyntheticParams, realModelDir: string): boolean {
	const stampFile = path.join(outDir, STAMP);
	const expected = fingerprint(params);
	if (existsSync(stampFile)) {
		try {
			const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { fingerprint?: string };
			if (stamp.fingerprint === expected && existsSync(path.join(outDir, 'onnx', 'model.onnx'))) return false;
		} catch {
			// A corrupt stamp means an interrupted run: rebuild below.
		}
	}
	rmSync(stampFile, { force: true });
	mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
	for (const name of REAL_MODEL_FILES) writeAtomic(path.join(outDir, name), readFileSync(path.join(realModelDir, name)));
	writeAtomic(path.join(outDir, 'onnx', 'model.onnx'), buildSyntheticOnnx(createWeights(params), params));
	// The stamp goes last: its presence means the folder is complete.
	writeAtomic(stampFile, JSON.stringify({ fingerprint: expected, generatorVersion: GENERATOR_VERSION, ...params }, null, '\t'));
	return true;
}
