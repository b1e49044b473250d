/**
 * Loads transformers.js (after ORT is registered) and confines its I/O: model files reach it only
 * through `env.customCache` from bytes we already hold, and its `env.fetch` never goes to the
 * network. This makes host detection irrelevant — in Obsidian's renderer transformers.js thinks it
 * is in Node (process.release.name === 'node'), but with these settings it never uses fs either.
 */
import type { Device, Dtype } from './types';
import { assertWasmBinary, registerOrtRuntime } from './ort-runtime';
import { externalizeWeights } from './external-weights';
import { weightsPath } from './model-manifest';
import { ownsWholeBuffer } from './whole-buffer';

type Transformers = typeof import('@huggingface/transformers');
export type LoadedTokenizer = Awaited<ReturnType<Transformers['AutoTokenizer']['from_pretrained']>>;
export type LoadedModel = Awaited<ReturnType<Transformers['AutoModel']['from_pretrained']>>;
export type TransformersTensor = InstanceType<Transformers['Tensor']>;

/** A host name that cannot resolve: if anything ever bypassed our fetch, it would fail offline. */
const FAKE_HOST = 'https://model-files.invalid/';

/** The name under which the model's own bytes are mounted as its external weights. */
const EXTERNAL_WEIGHTS = 'model.weights';

/** Bytes being served to transformers.js, by model id then relative path. */
const served = new Map<string, ReadonlyMap<string, Uint8Array>>();
let nextModelId = 0;
let loading: Promise<Transformers> | undefined;

/** Maps a transformers.js cache key / URL back to bytes we hold, if any. */
function lookup(key: string): Uint8Array | undefined {
	if (!key.startsWith(FAKE_HOST)) return undefined;
	// Layout: <host><model id>/resolve/<revision>/<file>
	const match = /^(.+?)\/resolve\/[^/]+\/(.+)$/.exec(key.slice(FAKE_HOST.length));
	if (!match) return undefined;
	return served.get(match[1])?.get(match[2]);
}

/**
 * A response whose body is the held bytes themselves. transformers.js reads a file with
 * `arrayBuffer()`; an ordinary Response would copy the weights into its body and out again, so
 * three copies of them would be alive while ORT makes its own in the WASM heap.
 */
class HeldBytesResponse extends Response {
	constructor(private readonly held: Uint8Array) {
		super(null, { status: 200, headers: { 'content-length': String(held.byteLength) } });
	}

	override arrayBuffer(): Promise<ArrayBuffer> {
		return Promise.resolve(ownsWholeBuffer(this.held) ? this.held.buffer : this.held.slice().buffer);
	}
}

function configure(t: Transformers): void {
	const env = t.env;
	env.allowLocalModels = false; // no fs lookups under localModelPath
	env.allowRemoteModels = true; // "remote" = our fetch below, which only serves held bytes
	env.useFS = false;
	env.useFSCache = false;
	env.useBrowserCache = false;
	env.useWasmCache = false; // the WASM binary is given as bytes; never fetch it
	env.experimental_useCrossOriginStorage = false;
	env.remoteHost = FAKE_HOST;
	env.useCustomCache = true;
	env.customCache = {
		match: (key: string) => {
			const bytes = lookup(key);
			return Promise.resolve(bytes ? new HeldBytesResponse(bytes) : undefined);
		},
		// Nothing to store: every file already comes from our own source.
		put: () => Promise.resolve(),
	};
	// Optional files we do not hold (e.g. generation_config.json) get a 404, which transformers.js
	// treats as "absent"; no request ever leaves the process.
	env.fetch = (input: string | URL) => {
		const bytes = lookup(String(input));
		return Promise.resolve(bytes ? new HeldBytesResponse(bytes) : new Response(null, { status: 404, statusText: 'Not Found' }));
	};
	env.logLevel = t.LogLevel.ERROR;
}

/** Imports transformers.js once, after the ORT runtime for `device` is registered. */
export function loadTransformers(wasmBinary?: Uint8Array | ArrayBuffer, device: Device = 'wasm'): Promise<Transformers> {
	registerOrtRuntime(wasmBinary, device);
	loading ??= import('@huggingface/transformers').then((t) => {
		configure(t);
		return t;
	});
	return loading;
}

/** Serves `files` under a fresh model id while `load` runs, then forgets them. */
async function withServedFiles<T>(files: ReadonlyMap<string, Uint8Array>, load: (modelId: string) => Promise<T>): Promise<T> {
	const modelId = `semantic-note-search/model-${nextModelId++}`;
	served.set(modelId, files);
	try {
		return await load(modelId);
	} finally {
		// ORT has copied the weights into its heap; drop our reference so the bytes can be collected.
		served.delete(modelId);
	}
}

/** transformers.js AutoTokenizer from in-memory tokenizer.json + tokenizer_config.json. */
export function loadTokenizerFromBytes(t: Transformers, files: ReadonlyMap<string, Uint8Array>): Promise<LoadedTokenizer> {
	return withServedFiles(files, (modelId) => t.AutoTokenizer.from_pretrained(modelId));
}

/**
 * Loads tokenizer and model from in-memory files through transformers.js (AutoTokenizer,
 * AutoModel on the registered ORT-web runtime). The execution provider is named in the session
 * options: transformers.js knows no devices when the runtime is registered from outside (its
 * 'webgpu' device would throw), and ORT's WebGPU build, given none, would try WebGPU first.
 * On WASM the weights reach ORT as external data of the graph (external-weights.ts), read from
 * the very bytes we hold, so ORT's heap gets one copy of them, not two.
 */
export function loadFromBytes(
	t: Transformers,
	files: ReadonlyMap<string, Uint8Array>,
	dtype: Dtype,
	device: Device = 'wasm',
): Promise<{ tokenizer: LoadedTokenizer; model: LoadedModel }> {
	assertWasmBinary(registerOrtRuntime(undefined, device), device);
	const weights = files.get(weightsPath(dtype));
	// WebGPU keeps the inline model: its upload of external weights is not the path checked here.
	const external = device === 'wasm' && weights ? weights : undefined;
	const sessionFiles = external ? new Map([...files, [weightsPath(dtype), externalizeWeights(external, EXTERNAL_WEIGHTS)]]) : files;
	const externalData = external ? [{ path: EXTERNAL_WEIGHTS, data: external }] : undefined;
	return withServedFiles(sessionFiles, async (modelId) => {
		const tokenizer = await t.AutoTokenizer.from_pretrained(modelId);
		const model = await t.AutoModel.from_pretrained(modelId, { dtype, device: 'auto', session_options: { executionProviders: [device], externalData } });
		return { tokenizer, model };
	});
}
