/**
 * Rewrites an ONNX model so that its weights stay outside the model proto: every initializer's
 * `raw_data` becomes an ONNX external-data reference (location, offset, length) into the ORIGINAL
 * model bytes, which ORT reads as a mounted external-data file. ORT-web copies a model into its
 * WASM heap to parse it and copies each weight again into its tensor; the heap never shrinks, so an
 * inline fp32 model left a 90 MB hole there for the worker's whole life. With the weights external,
 * only the small graph is copied, and each weight goes straight from our bytes into its tensor. The
 * weights themselves are not copied, changed or reordered here: the same model, the same numbers.
 *
 * Reads and writes the Protocol Buffers wire format directly, only the parts ONNX uses.
 */

/** Field numbers in onnx.proto. */
const ONNX = { modelGraph: 7, graphInitializer: 5, tensorRawData: 9, tensorExternalData: 13, tensorDataLocation: 14, dataLocationExternal: 1 } as const;
/** Protobuf wire types. */
const WIRE = { varint: 0, fixed64: 1, length: 2, fixed32: 5 } as const;

/** Weights smaller than this stay inline: not worth a reference (ONNX's own tools use 1 KB). */
const MIN_EXTERNAL_BYTES = 1024;

/** One field of a message: its number and wire type, where it lies (tag included) and where its payload starts. */
type Field = { number: number; wire: number; start: number; end: number; payloadStart: number };

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
		if (wire === WIRE.varint) next = readVarint(bytes, tag.next).next;
		else if (wire === WIRE.fixed64) next = tag.next + 8;
		else if (wire === WIRE.fixed32) next = tag.next + 4;
		else if (wire === WIRE.length) {
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
		this.varint(number * 8 + WIRE.length);
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
	entry.string(1, key); // StringStringEntryProto.key
	entry.string(2, value); // StringStringEntryProto.value
	out.message(ONNX.tensorExternalData, entry);
}

/** A TensorProto with a large raw_data, rewritten as a reference; undefined when it stays inline. */
function externalTensor(model: Uint8Array, tensor: Field, location: string): Writer | undefined {
	const parts = fields(model, tensor.payloadStart, tensor.end);
	const raw = parts.find((f) => f.number === ONNX.tensorRawData && f.wire === WIRE.length);
	if (!raw || raw.end - raw.payloadStart < MIN_EXTERNAL_BYTES) return undefined;
	const out = new Writer();
	for (const part of parts) if (part !== raw && part.number !== ONNX.tensorDataLocation) out.bytes(model.subarray(part.start, part.end));
	externalEntry(out, 'location', location);
	externalEntry(out, 'offset', String(raw.payloadStart));
	externalEntry(out, 'length', String(raw.end - raw.payloadStart));
	out.varint(ONNX.tensorDataLocation * 8 + WIRE.varint);
	out.varint(ONNX.dataLocationExternal);
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
		if (field.number !== ONNX.modelGraph || field.wire !== WIRE.length) {
			out.bytes(model.subarray(field.start, field.end));
			continue;
		}
		const graph = new Writer();
		for (const part of fields(model, field.payloadStart, field.end)) {
			const tensor = part.number === ONNX.graphInitializer && part.wire === WIRE.length ? externalTensor(model, part, location) : undefined;
			if (tensor) graph.message(ONNX.graphInitializer, tensor);
			else graph.bytes(model.subarray(part.start, part.end));
		}
		out.message(ONNX.modelGraph, graph);
	}
	return out.toBytes();
}
