/**
 * Float64 reference embeddings take tens of seconds on a busy 2-core machine, and several test
 * files need the same ones: compute once, keep them in the git-ignored tests/.generated folder.
 * The key covers the reference code itself, the weight parameters and the token ids, so any
 * change recomputes.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { referenceEmbedding } from './reference-forward';
import { fingerprint } from './synthetic-model';
import { createWeights, type SyntheticParams } from './synthetic-weights';

const helpersDir = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.resolve(helpersDir, '../.generated/reference-cache');

/**
 * Timeout for hooks and tests that compute the reference or run many texts through WASM: the CI
 * machine has 2 cores shared with other jobs, where this takes minutes rather than seconds.
 */
export const SLOW_TIMEOUT = 15 * 60_000;

/** A lock older than this belongs to a killed run. */
const STALE_LOCK_MS = 20 * 60_000;

function load(file: string): Float64Array[] {
	const rows = JSON.parse(readFileSync(file, 'utf8')) as number[][];
	return rows.map((r) => Float64Array.from(r));
}

/**
 * Reference embeddings for each id list, from the cache or computed. Test files running in
 * parallel share one computation: the first takes a lock file, the others wait for its result.
 */
export async function referenceEmbeddings(params: SyntheticParams, idsList: readonly number[][]): Promise<Float64Array[]> {
	const source = ['reference-forward.ts', 'synthetic-weights.ts', 'prng.ts'].map((f) => readFileSync(path.join(helpersDir, f), 'utf8')).join('\n');
	const key = createHash('sha256').update(source).update(fingerprint(params)).update(JSON.stringify(idsList)).digest('hex').slice(0, 24);
	const file = path.join(cacheDir, `${key}.json`);
	const lock = `${file}.lock`;
	mkdirSync(cacheDir, { recursive: true });
	for (;;) {
		if (existsSync(file)) return load(file);
		try {
			closeSync(openSync(lock, 'wx'));
			break;
		} catch {
			const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
			if (age > STALE_LOCK_MS) rmSync(lock, { force: true });
			await sleep(1000);
		}
	}
	try {
		const weights = createWeights(params);
		const result = idsList.map((ids) => referenceEmbedding(weights, ids));
		const tmp = `${file}.tmp-${process.pid}`;
		// JSON keeps float64 values exactly (shortest round-trip representation).
		writeFileSync(tmp, JSON.stringify(result.map((v) => Array.from(v))));
		renameSync(tmp, file);
		return result;
	} finally {
		rmSync(lock, { force: true });
	}
}
