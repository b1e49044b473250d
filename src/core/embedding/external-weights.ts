/**
 * Rewrites an ONNX model so that its weights stay outside the model proto: every initializer's
 * `raw_data` becomes an ONNX external-data reference (location, offset, length) into the ORIGINAL
 * model bytes, which ORT reads as a mounted external-data file. ORT-web copies a model into its
 * WASM heap to parse it and copies each weight again into its tensor; the heap never shrinks, so an
 * inline fp32 model left a 90 MB hole there for the worker's whole life. With the weights external,
 * only the small graph is copied, and each weight goes straight from our bytes into its tensor. The
 * weights themselves are not copied, changed or reordered here: the same model, the same numbers.
 *
 * Protocol Buffers wire format, only what ONNX uses: ModelProto.graph = 7, GraphProto.initializer
 * = 5, TensorProto.raw_data = 9, external_data = 13 (StringStringEntryProto key = 1, value = 2),
 * data_location = 14 (EXTERNAL = 1).
 */

const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const TENSOR_RAW_DATA = 9;
const TENSOR_EXTERNAL_DATA = 13;
const TENSOR_DATA_LOCATION = 14;
const DATA_LOCATION_EXTERNAL = 1;

/** Weights smaller than this stay inline: not worth a reference (ONNX's own tools use 1 KB). */
const MIN_EXTERNAL_BYTES = 1024;

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;

interface Field {
	number: number;
	wire: number;
	/** The whole field (tag and value) within the input. */
	start: number;
	end: number;
	/** For length-delimited fields: the payload within the input. */
	payloadStart: number;
}

function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } {
	let value = 0;
	let scale = 1;
	for (let i = at; i < bytes.length && i < at + 10; i++) {
		value += (bytes[i] & 0x7f) * scale;
		scale *= 128;
		if (bytes[i] < 0x80) return { value, next: i + 1 };
	}
	throw new Error('The model file is not a valid ONNX protobuf (bad varint).');
}

/** The fields of the message in bytes[start, end), in order. */
function fields(bytes: Uint8Array, start: number, end: number): Field[] {
	const out: Field[] = [];
	let at = start;
	while (at < end) {
		const tag = readVarint(bytes, at);
		const wire = tag.value % 8;
		const number = Math.floor(tag.value / 8);
		let next: number;
		let payloadStart = tag.next;
		if (wire === WIRE_VARINT) next = readVarint(bytes, tag.next).next;
		else if (wire === WIRE_FIXED64) next = tag.next + 8;
		else if (wire === WIRE_FIXED32) next = tag.next + 4;
		else if (wire === WIRE_LENGTH) {
			const length = readVarint(bytes, tag.next);
			payloadStart = length.next;
			next = length.next + length.value;
		} else throw new Error(`The model file is not a valid ONNX protobuf (wire type ${wire}).`);
		if (next > end) throw new Error('The model file is not a valid ONNX protobuf (truncated field).');
		out.push({ number, wire, start: at, end: next, payloadStart });
		at = next;
	}
	return out;
}

/** Writes protobuf pieces into a list of chunks, most of them views of the input. */
class Writer {
	readonly chunks: Uint8Array[] = [];
	length = 0;

	bytes(chunk: Uint8Array): void {
		this.chunks.push(chunk);
		this.length += chunk.byteLength;
	}

	varint(value: number): void {
		const out: number[] = [];
		let v = value;
		while (v >= 0x80) {
			out.push((v % 128) | 0x80);
			v = Math.floor(v / 128);
		}
		out.push(v);
		this.bytes(Uint8Array.from(out));
	}

	/** A length-delimited field whose payload was written to `inner`. */
	message(number: number, inner: Writer): void {
		this.varint(number * 8 + WIRE_LENGTH);
		this.varint(inner.length);
		for (const chunk of inner.chunks) this.bytes(chunk);
	}

	string(number: number, text: string): void {
		const inner = new Writer();
		inner.bytes(new TextEncoder().encode(text));
		this.message(number, inner);
	}

	toBytes(): Uint8Array {
		const out = new Uint8Array(this.length);
		let at = 0;
		for (const chunk of this.chunks) {
			out.set(chunk, at);
			at += chunk.byteLength;
		}
		return out;
	}
}

function externalEntry(out: Writer, key: string, value: string): void {
	const entry = new Writer();
	entry.string(1, key);
	entry.string(2, value);
	out.message(TENSOR_EXTERNAL_DATA, entry);
}

/** A TensorProto with a large raw_data, rewritten as a reference; undefined when it stays inline. */
function externalTensor(model: Uint8Array, tensor: Field, location: string): Writer | undefined {
	const parts = fields(model, tensor.payloadStart, tensor.end);
	const raw = parts.find((f) => f.number === TENSOR_RAW_DATA && f.wire === WIRE_LENGTH);
	if (!raw || raw.end - raw.payloadStart < MIN_EXTERNAL_BYTES) return undefined;
	const out = new Writer();
	for (const part of parts) if (part !== raw && part.number !== TENSOR_DATA_LOCATION) out.bytes(model.subarray(part.start, part.end));
	externalEntry(out, 'location', location);
	externalEntry(out, 'offset', String(raw.payloadStart));
	externalEntry(out, 'length', String(raw.end - raw.payloadStart));
	out.varint(TENSOR_DATA_LOCATION * 8 + WIRE_VARINT);
	out.varint(DATA_LOCATION_EXTERNAL);
	return out;
}

/**
 * The model proto of `model` with its weights referring to `location`, to be mounted with the
 * original `model` bytes as that file. A model without a graph is returned as it is, for ORT to
 * report.
 */
export function externalizeWeights(model: Uint8Array, location: string): Uint8Array {
	const out = new Writer();
	for (const field of fields(model, 0, model.byteLength)) {
		if (field.number !== MODEL_GRAPH || field.wire !== WIRE_LENGTH) {
			out.bytes(model.subarray(field.start, field.end));
			continue;
		}
		const graph = new Writer();
		for (const part of fields(model, field.payloadStart, field.end)) {
			const tensor = part.number === GRAPH_INITIALIZER && part.wire === WIRE_LENGTH ? externalTensor(model, part, location) : undefined;
			if (tensor) graph.message(GRAPH_INITIALIZER, tensor);
			else graph.bytes(model.subarray(part.start, part.end));
		}
		out.message(MODEL_GRAPH, graph);
	}
	return out.toBytes();
}
