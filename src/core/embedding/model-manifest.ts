/**
 * The one model this plugin runs, pinned: where it is published and what its files must hash to.
 * A download is only used after it matches these sizes and sha256 digests, so a moved branch,
 * a proxy's error page or a truncated transfer can never become the model.
 * Values from the Xenova/all-MiniLM-L6-v2 repository at the pinned commit (Git LFS pointers for the
 * weights).
 */
import type { Dtype } from './types';

export const HUB_REPO = 'Xenova/all-MiniLM-L6-v2';
export const HUB_REVISION = '48a5a372879ed2ed147ab84836e345977276d9b2';
export const HUB_HOST = 'https://huggingface.co';

export interface PinnedFile {
	/** Path inside the model folder, '/'-separated. */
	path: string;
	sha256: string;
	/** Exact byte length when published (known for the LFS weights). */
	size?: number;
}

const CONFIG: PinnedFile = { path: 'config.json', sha256: '7135149f7cffa1a573466c6e4d8423ed73b62fd2332c575bf738a0d033f70df7' };
const TOKENIZER: PinnedFile = { path: 'tokenizer.json', sha256: 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0' };
const TOKENIZER_CONFIG: PinnedFile = { path: 'tokenizer_config.json', sha256: '9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3' };

const WEIGHTS: Record<Dtype, PinnedFile> = {
	fp32: { path: 'onnx/model.onnx', size: 90387606, sha256: '759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e' },
	q8: { path: 'onnx/model_quantized.onnx', size: 22972370, sha256: 'afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1' },
};

/** Relative path of the ONNX weights for a dtype (transformers.js naming). */
export function weightsPath(dtype: Dtype): string {
	return WEIGHTS[dtype].path;
}

/** Every file the engine needs for `dtype`, weights last (largest, fetched after the cheap checks). */
export function requiredFiles(dtype: Dtype): PinnedFile[] {
	return [CONFIG, TOKENIZER, TOKENIZER_CONFIG, WEIGHTS[dtype]];
}

/** The files the tokenizer alone needs (no weights): for counting word pieces without a model. */
export function tokenizerFiles(): PinnedFile[] {
	return [TOKENIZER, TOKENIZER_CONFIG];
}

/** The pinned entry for `path`, or undefined if the file is not part of the model. */
export function pinnedFile(path: string): PinnedFile | undefined {
	return [CONFIG, TOKENIZER, TOKENIZER_CONFIG, WEIGHTS.fp32, WEIGHTS.q8].find((f) => f.path === path);
}

/** Download URL of a pinned file: the immutable commit, never a branch. */
export function hubUrl(path: string): string {
	return `${HUB_HOST}/${HUB_REPO}/resolve/${HUB_REVISION}/${path}`;
}
