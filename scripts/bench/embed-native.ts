/**
 * Native reference: onnxruntime-node (all cores, ORT's default thread pool) on the same
 * model.onnx, the same token ids and the same length-sorted batches as the plugin path, with the
 * same mean pooling + L2 done in JS. This bounds what the machine can do.
 */
import * as ort from 'onnxruntime-node';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus, EmbedResult } from './corpus-types';
import { cpuSince, now, runPart } from './part';

interface Input {
	modelDir: string;
	corpusFile: string;
	/** The batches the plugin path ran (token ids per row); absent if that part failed. */
	batchesFile: string;
}

/** Right-pads each id list to the longest one; returns the three int64 model inputs. */
function batchTensors(batch: readonly number[][]): Record<string, ort.Tensor> {
	const len = Math.max(...batch.map((ids) => ids.length));
	const ids = new BigInt64Array(batch.length * len);
	const mask = new BigInt64Array(batch.length * len);
	batch.forEach((row, r) => {
		row.forEach((id, i) => {
			ids[r * len + i] = BigInt(id);
			mask[r * len + i] = 1n;
		});
	});
	const dims = [batch.length, len];
	return {
		input_ids: new ort.Tensor('int64', ids, dims),
		attention_mask: new ort.Tensor('int64', mask, dims),
		token_type_ids: new ort.Tensor('int64', new BigInt64Array(batch.length * len), dims),
	};
}

/** Masked mean over the sequence, then L2: sentence-transformers' pooling for MiniLM. */
function pool(hidden: Float32Array, batch: readonly number[][], len: number, dim: number): Float32Array[] {
	return batch.map((row, r) => {
		const v = new Float32Array(dim);
		for (let t = 0; t < row.length; t++) for (let d = 0; d < dim; d++) v[d] += hidden[(r * len + t) * dim + d];
		let n = 0;
		for (let d = 0; d < dim; d++) n += v[d] * v[d];
		const s = 1 / Math.max(Math.sqrt(n), 1e-12);
		for (let d = 0; d < dim; d++) v[d] *= s;
		return v;
	});
}

runPart<Input, EmbedResult>(async ({ modelDir, corpusFile, batchesFile }) => {
	const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus;
	const batches = existsSync(batchesFile)
		? (JSON.parse(readFileSync(batchesFile, 'utf8')) as number[][][])
		: corpus.sortedBatches.map((b) => b.map((i) => corpus.passages[i].ids));
	const t0 = now();
	const session = await ort.InferenceSession.create(join(modelDir, 'onnx', 'model.onnx'), { executionProviders: ['cpu'] });
	const loadSeconds = (now() - t0) / 1000;
	const run = async (batch: number[][]): Promise<void> => {
		const out = await session.run(batchTensors(batch));
		const hidden = out.last_hidden_state;
		pool(hidden.data as Float32Array, batch, hidden.dims[1], hidden.dims[2]);
	};
	// Warm-up on one small batch: first-run allocations are not throughput.
	await run(batches[0].slice(0, 4));
	let wordPieces = 0;
	const t1 = now();
	const cpu0 = process.cpuUsage();
	for (const batch of batches) {
		for (const ids of batch) wordPieces += ids.length;
		await run(batch);
	}
	const seconds = (now() - t1) / 1000;
	const cpuSeconds = cpuSince(cpu0);
	await session.release();
	return { backend: 'onnxruntime-node (native, all cores)', wordPieces, passages: batches.flat().length, seconds, cpuSeconds, wordPiecesPerSecond: wordPieces / seconds, loadSeconds };
});
