/**
 * Offline without a local model the engine fails once, with a dedicated error whose message says
 * where it looked and how to get the model — never a transformers.js stack trace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createEngine, ModelNotAvailableError } from '../../../src/core/embedding';
import { nodeModelSource } from '../../../src/node/node-engine';

const scratch = mkdtempSync(path.join(tmpdir(), 'sns-no-model-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('no model available', () => {
	test('names the folder and the download cache, and says how to get the model', async () => {
		const modelDir = path.join(scratch, 'missing-model');
		const cacheDir = path.join(scratch, 'cache');
		const files = nodeModelSource({ modelDir, cacheDir, allowDownload: false, fetch: () => Promise.reject(new Error('no network')) });
		const error = await createEngine({ files, wasmBinary: new Uint8Array(0) }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ModelNotAvailableError);
		const message = (error as ModelNotAvailableError).userMessage;
		expect(message).toContain(modelDir);
		expect(message).toContain(cacheDir);
		expect(message).toMatch(/set a model folder/i);
		expect(message).toMatch(/allow .*download/i);
		expect(message).not.toMatch(/\n\s+at /);
	});

	test('a q8 request names the quantized weights it could not find', async () => {
		const files = nodeModelSource({ modelDir: path.join(scratch, 'nothing') });
		await expect(createEngine({ files, dtype: 'q8' })).rejects.toThrow(ModelNotAvailableError);
	});
});
