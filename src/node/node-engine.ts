/**
 * Node adapters: a model folder on disk, a download cache folder with atomic renames, the ORT
 * WASM binary from node_modules, and a ready-to-use engine factory. For the CLI, scripts and
 * tests only: not re-exported from index.ts, so the plugin bundle never includes them (the plugin
 * builds ModelFiles/ByteStore from Obsidian's adapter or from bytes handed to its worker).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createEngine, type EngineOptions } from '../core/embedding/engine';
import { hubModelFiles, type ByteStore, type FetchLike } from '../core/embedding/hub-download';
import { firstAvailable, type ModelFiles } from '../core/embedding/model-files';
import type { EmbeddingEngine } from '../core/embedding/types';

function isMissing(error: unknown): boolean {
	const code = (error as { code?: string } | null)?.code;
	return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

async function readIfPresent(file: string): Promise<Uint8Array | undefined> {
	try {
		const buffer = await readFile(file);
		return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
	} catch (error) {
		if (isMissing(error)) return undefined;
		throw error;
	}
}

/** A model folder in the transformers.js layout (config.json, tokenizer.json, onnx/model.onnx, …). */
export function nodeModelFiles(dir: string): ModelFiles {
	const root = path.resolve(dir);
	return {
		location: `the folder ${root}`,
		read: (relativePath) => readIfPresent(path.join(root, ...relativePath.split('/'))),
	};
}

/** A cache folder; keys are '/'-separated relative paths. Writes go through rename, never in place. */
export function nodeByteStore(dir: string): ByteStore {
	const root = path.resolve(dir);
	const file = (key: string) => path.join(root, ...key.split('/'));
	return {
		location: root,
		read: (key) => readIfPresent(file(key)),
		async write(key, bytes) {
			await mkdir(path.dirname(file(key)), { recursive: true });
			await writeFile(file(key), bytes);
		},
		async rename(from, to) {
			await mkdir(path.dirname(file(to)), { recursive: true });
			await rename(file(from), file(to));
		},
		remove: (key) => rm(file(key), { force: true }),
	};
}

export interface NodeModelSourceOptions {
	/** A local model folder, tried first. */
	modelDir?: string;
	/** Where verified downloads are kept; without it the Hub is not used. */
	cacheDir?: string;
	/** Download missing files from the pinned Hub revision (into cacheDir). */
	allowDownload?: boolean;
	fetch?: FetchLike;
}

/** Local folder first, then the verified Hub cache (downloading only when allowed). */
export function nodeModelSource(options: NodeModelSourceOptions): ModelFiles {
	const sources: ModelFiles[] = [];
	if (options.modelDir) sources.push(nodeModelFiles(options.modelDir));
	if (options.cacheDir) {
		sources.push(
			hubModelFiles({
				store: nodeByteStore(options.cacheDir),
				allowDownload: options.allowDownload ?? false,
				fetch: options.fetch ?? ((url) => fetch(url)),
			}),
		);
	}
	return firstAvailable(sources);
}

/**
 * The onnxruntime-web package that `import 'onnxruntime-web/wasm'` resolves to, so the binary
 * matches the glue code (the package may be top-level or nested under @huggingface/transformers).
 */
function resolveFromHere(specifier: string): string {
	// Works from ESM (tests, scripts) and from the esbuild CJS bundle of the CLI.
	const base = typeof __filename === 'string' ? __filename : import.meta.url;
	const require = createRequire(base);
	try {
		return require.resolve(specifier);
	} catch {
		const transformersDir = path.dirname(require.resolve('@huggingface/transformers'));
		return createRequire(path.join(transformersDir, 'package.json')).resolve(specifier);
	}
}

let wasmBinary: Promise<Uint8Array> | undefined;

/** Bytes of onnxruntime-web's dist/ort-wasm-simd-threaded.wasm (~14 MB), read once. */
export function nodeWasmBinary(): Promise<Uint8Array> {
	wasmBinary ??= readFile(resolveFromHere('onnxruntime-web/ort-wasm-simd-threaded.wasm')).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
	return wasmBinary;
}

/** createEngine with the WASM binary from node_modules. */
export async function createNodeEngine(options: Omit<EngineOptions, 'wasmBinary'>): Promise<EmbeddingEngine> {
	return createEngine({ ...options, wasmBinary: await nodeWasmBinary() });
}

