import type { NoteRecord, StoredPassage, StoreMeta } from './types';

/**
 * Shape checks for whatever comes back from storage. Stores hold data written by older versions,
 * by a crashed write or by hand; anything that does not check out is treated as absent.
 */

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null;
}

function isFloat32Array(v: unknown): v is Float32Array {
	// Tag check rather than instanceof: records may come from another realm (worker, IDB clone).
	return ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Float32Array]';
}

function toVectors(v: unknown): Float32Array | undefined {
	if (isFloat32Array(v)) return v;
	if (v instanceof ArrayBuffer || Object.prototype.toString.call(v) === '[object ArrayBuffer]') {
		const buf = v as ArrayBuffer;
		return buf.byteLength % 4 === 0 ? new Float32Array(buf) : undefined;
	}
	return undefined;
}

function isPassage(v: unknown): v is StoredPassage {
	return (
		isObject(v) &&
		typeof v.heading === 'string' &&
		typeof v.snippet === 'string' &&
		Number.isInteger(v.start) &&
		Number.isInteger(v.end) &&
		(v.start as number) >= 0 &&
		(v.end as number) >= (v.start as number)
	);
}

/** A valid NoteRecord, or undefined when `value` is corrupt. Vectors must be finite, n × dim. */
export function decodeRecord(value: unknown): NoteRecord | undefined {
	if (!isObject(value)) return undefined;
	const { path, mtime, size, hash, passages, failure, notice, texts } = value;
	if (typeof path !== 'string' || path === '') return undefined;
	if (typeof mtime !== 'number' || !Number.isFinite(mtime)) return undefined;
	if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) return undefined;
	if (typeof hash !== 'string') return undefined;
	if (failure !== undefined && typeof failure !== 'string') return undefined;
	if (notice !== undefined && typeof notice !== 'string') return undefined;
	if (!Array.isArray(passages) || !passages.every(isPassage)) return undefined;
	if (texts !== undefined && !(Array.isArray(texts) && texts.length === passages.length && texts.every((t) => typeof t === 'string'))) return undefined;
	const vectors = toVectors(value.vectors);
	if (!vectors) return undefined;
	if (passages.length === 0 ? vectors.length !== 0 : vectors.length === 0 || vectors.length % passages.length !== 0) return undefined;
	for (let i = 0; i < vectors.length; i++) if (!Number.isFinite(vectors[i])) return undefined;
	const record: NoteRecord = { path, mtime, size, hash, passages, vectors };
	if (failure !== undefined) record.failure = failure;
	if (notice !== undefined) record.notice = notice;
	if (texts !== undefined) record.texts = texts;
	return record;
}

export function decodeMeta(value: unknown): StoreMeta | undefined {
	if (!isObject(value)) return undefined;
	const { schemaVersion, modelKey } = value;
	if (typeof schemaVersion !== 'number' || typeof modelKey !== 'string') return undefined;
	return { schemaVersion, modelKey };
}
