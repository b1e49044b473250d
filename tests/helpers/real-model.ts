/**
 * The real-model tier's inputs, prepared once per run by global-setup: the exported real
 * all-MiniLM-L6-v2 (or the folder NOTE_SEARCH_MODEL_DIR names) and the Python that runs the
 * sentence-transformers oracle. Test files skip the tier with the printed reason when it is absent.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

export type RealModel =
	| { available: true; dir: string; faultyTanhDir: string; python: string }
	| { available: false; reason: string };

const repoRoot = path.resolve(__dirname, '../..');

/** The real model for this run; prints why once per file when it is missing. */
export function realModel(what: string): RealModel {
	const model = inject('realModel');
	if (!model.available) console.warn(`[real-model tier] ${what} SKIPPED: ${model.reason}.`);
	return model;
}

export interface OracleOutput {
	dim: number;
	embeddings: number[][];
	ids?: number[][];
}

/** Embeddings (and optionally token ids) from sentence-transformers itself, via reference/embed.py. */
export async function oracleEmbed(python: string, texts: readonly string[], withIds = false): Promise<OracleOutput> {
	const child = promisify(execFile)(python, [path.join(repoRoot, 'reference', 'embed.py'), '--stdin', ...(withIds ? ['--ids'] : [])], {
		maxBuffer: 256 * 1024 * 1024,
		env: { ...process.env, HF_HUB_OFFLINE: '1' },
	});
	child.child.stdin?.end(JSON.stringify(texts));
	const { stdout } = await child;
	return JSON.parse(stdout) as OracleOutput;
}
