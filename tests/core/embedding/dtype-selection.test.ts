/**
 * dtype picks the weights file (fp32: onnx/model.onnx, q8: onnx/model_quantized.onnx) and goes
 * into the model key, so vectors of different precisions are never mixed in one index.
 * The synthetic fp32 weights stand in for the quantized file: same numbers, different name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { createEngine, memoryModelFiles } from '../../../src/core/embedding';
import { nodeWasmBinary } from '../../../src/node/node-engine';

describe('dtype selection', () => {
	test('q8 loads onnx/model_quantized.onnx and says q8 in its model key', async () => {
		const dir = inject('syntheticModelDir');
		const read = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
		const common = { 'config.json': read('config.json'), 'tokenizer.json': read('tokenizer.json'), 'tokenizer_config.json': read('tokenizer_config.json') };
		const weights = read('onnx/model.onnx');
		const wasmBinary = await nodeWasmBinary();

		// Only the quantized name is present: an fp32 engine must not find weights, a q8 one must.
		const q8Only = memoryModelFiles({ ...common, 'onnx/model_quantized.onnx': weights });
		await expect(createEngine({ files: q8Only, wasmBinary })).rejects.toThrow(/onnx\/model\.onnx/);
		const q8 = await createEngine({ files: q8Only, dtype: 'q8', wasmBinary });
		const fp32 = await createEngine({ files: memoryModelFiles({ ...common, 'onnx/model.onnx': weights }), wasmBinary });
		try {
			expect(q8.modelKey).toMatch(/^all-MiniLM-L6-v2\/q8\//);
			expect(fp32.modelKey).toMatch(/^all-MiniLM-L6-v2\/fp32\//);
			const [a] = await q8.embed(['hello world']);
			const [b] = await fp32.embed(['hello world']);
			expect(Math.max(...a.map((x, i) => Math.abs(x - b[i])))).toBeLessThanOrEqual(1e-6);
		} finally {
			await q8.dispose();
			await fp32.dispose();
		}
	}, 300_000);
});
