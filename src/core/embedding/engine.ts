/**
 * The embedding engine: model files → transformers.js (ORT-web WASM, one thread, or WebGPU) →
 * mean pooling → L2 normalisation, batched by length and returned in input order.
 */
import { EmbedderUnavailableError, errorMessage } from '../index/errors';
import { planBatches, padRows } from './batching';
import type { ModelFiles } from './model-files';
import { requiredFiles, weightsPath } from './model-manifest';
import { readRequired } from './read-model';
import { sha256Hex } from './sha256';
import { registerOrtRuntime } from './ort-runtime';
import { correctStages, type EngineStages } from './stages';
import { WordPieceTokenizer } from './tokenizer';
import { loadFromBytes, loadTransformers, type LoadedModel, type TransformersTensor } from './transformers-host';
import type { ComputeInfo, Device, Dtype, EmbeddingEngine } from './types';
import { probeWebGpu } from './webgpu-adapter';

export interface EngineOptions {
	files: ModelFiles;
	/** fp32 (default) matches Python; q8 is 4x smaller and drifts ~0.01–0.03 in cosine. */
	dtype?: Dtype;
	/** Texts per model call; larger batches risk exhausting the WASM heap. */
	batchSize?: number;
	/**
	 * Bytes of onnxruntime-web's ort-wasm-simd-threaded.wasm. Needed by the first engine of a
	 * JavaScript realm (Node: `nodeWasmBinary()`; plugin worker: the esbuild-inlined binary).
	 */
	wasmBinary?: Uint8Array | ArrayBuffer;
	/** 'wasm' (default) or 'webgpu' (browsers only; `wasmBinary` is then ORT's asyncify build). */
	device?: Device;
}

export const DEFAULT_BATCH_SIZE = 32;
/** all-MiniLM-L6-v2's width, used when config.json does not say. */
const DEFAULT_HIDDEN_SIZE = 384;

/** The embedding width from config.json, so a folder with another BERT export reports its own. */
function hiddenSize(config: Uint8Array | undefined): number {
	try {
		const size: unknown = (JSON.parse(new TextDecoder().decode(config)) as { hidden_size?: unknown }).hidden_size;
		return typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : DEFAULT_HIDDEN_SIZE;
	} catch {
		return DEFAULT_HIDDEN_SIZE; // an unreadable config fails loudly in transformers.js below
	}
}

/** Creates the engine with the correct pipeline. */
export function createEngine(options: EngineOptions): Promise<EmbeddingEngine> {
	return createEngineWithStages(options, correctStages);
}

/**
 * Same as createEngine with replaceable stages. Internal: used by the parity tests to prove
 * that faulty pipelines are caught; not exported from the package index.
 */
export async function createEngineWithStages(options: EngineOptions, stages: EngineStages): Promise<EmbeddingEngine> {
	const dtype = options.dtype ?? 'fp32';
	const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
	const files = await readRequired(options.files, requiredFiles(dtype));
	// The key follows the weights' content: the same model from a folder or the Hub gets the same
	// key, and different weights (q8, another export) invalidate stored vectors.
	const weightsHash = await sha256Hex(files.get(weightsPath(dtype)) as Uint8Array);
	const dim = hiddenSize(files.get('config.json'));
	const device = options.device ?? 'wasm';
	const compute: ComputeInfo = device === 'webgpu' ? { device, adapter: await webGpuAdapterName() } : { device };
	const t = await loadTransformers(options.wasmBinary, device);
	const { tokenizer: inner, model } = await loadFromBytes(t, files, dtype, device);
	files.clear();
	if (device === 'webgpu' && !(registerOrtRuntime(undefined, device).env.webgpu as { device?: unknown }).device) {
		await model.dispose();
		throw new Error('ONNX Runtime loaded the model without starting its WebGPU backend.');
	}
	const tokenizer = new WordPieceTokenizer(inner, stages.maxTokens);
	return new TransformersEngine(t.Tensor, model, tokenizer, stages, batchSize, dim, `all-MiniLM-L6-v2/${dtype}/sha256-${weightsHash.slice(0, 16)}`, compute);
}

/** The adapter WebGPU offers here; fails with the reason when there is none. */
async function webGpuAdapterName(): Promise<string> {
	const probe = await probeWebGpu();
	if ('unavailable' in probe) throw new Error(`WebGPU is not available: ${probe.unavailable}.`);
	return probe.adapter.name;
}

type TensorClass = new (type: 'int64', data: BigInt64Array, dims: number[]) => TransformersTensor;

class TransformersEngine implements EmbeddingEngine {
	/** Model calls run one at a time: one ORT session, one WASM thread. */
	private queue: Promise<unknown> = Promise.resolve();
	private disposed = false;

	constructor(
		private readonly Tensor: TensorClass,
		private readonly model: LoadedModel,
		readonly tokenizer: WordPieceTokenizer,
		private readonly stages: EngineStages,
		private readonly batchSize: number,
		readonly dim: number,
		readonly modelKey: string,
		readonly compute: ComputeInfo,
	) {}

	embed(texts: readonly string[]): Promise<Float32Array[]> {
		const run = this.queue.then(() => this.embedNow(texts));
		this.queue = run.catch(() => undefined);
		return run;
	}

	embedWordPieces(rows: readonly (readonly number[])[]): Promise<Float32Array[]> {
		const run = this.queue.then(() => {
			if (this.disposed) throw new Error('The embedding engine was disposed.');
			return rows.length === 0 ? [] : this.runBatch(rows.map((r) => this.tokenizer.wrap(r)));
		});
		this.queue = run.catch(() => undefined);
		return run;
	}

	private async embedNow(texts: readonly string[]): Promise<Float32Array[]> {
		if (this.disposed) throw new Error('The embedding engine was disposed.');
		const tokenized = texts.map((text) => this.tokenizer.modelInput(text));
		const result = new Array<Float32Array>(texts.length);
		for (const batch of planBatches(tokenized, this.batchSize)) {
			const vectors = await this.runBatch(batch.rows);
			batch.indices.forEach((inputIndex, row) => (result[inputIndex] = vectors[row]));
		}
		return result;
	}

	private async runBatch(rows: number[][]): Promise<Float32Array[]> {
		const { ids, lengths, seq } = padRows(rows, this.tokenizer.padId);
		const mask = this.stages.attentionMask(lengths, seq);
		const dims = [rows.length, seq];
		const inputs = {
			input_ids: new this.Tensor('int64', ids, dims),
			attention_mask: new this.Tensor('int64', mask, dims),
			// One segment: all zeros, as sentence-transformers feeds it.
			token_type_ids: new this.Tensor('int64', new BigInt64Array(ids.length), dims),
		};
		const output = (await this.runModel(inputs)) as { last_hidden_state?: TransformersTensor };
		const hidden = output.last_hidden_state;
		if (!hidden || !(hidden.data instanceof Float32Array)) throw new Error('The model returned no float32 last_hidden_state.');
		const [batch, outSeq, dim] = hidden.dims;
		if (dim !== this.dim) throw new Error(`The model returned ${dim}-wide vectors; its config.json says ${this.dim}.`);
		const pooled = this.stages.pool(hidden.data, mask, batch, outSeq, dim);
		hidden.dispose();
		return pooled.map((v) => this.stages.normalise(v));
	}

	/**
	 * A failing GPU (device lost, out of GPU memory, a driver fault) is the engine's failure, not
	 * the notes': it is reported as the embedder gone, so the run stops without marking notes
	 * failed, and the plugin reopens the model on WASM.
	 */
	private async runModel(inputs: Record<string, TransformersTensor>): Promise<unknown> {
		if (this.compute.device !== 'webgpu') return this.model(inputs);
		try {
			return await this.model(inputs);
		} catch (error) {
			throw new EmbedderUnavailableError(`WebGPU failed while embedding: ${errorMessage(error)}`);
		}
	}

	async dispose(): Promise<void> {
		if (this.disposed) return;
		this.disposed = true;
		await this.queue;
		await this.model.dispose();
	}
}
