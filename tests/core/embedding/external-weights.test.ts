import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { externalizeWeights } from '../../../src/core/embedding/external-weights';

const { onnx } = onnxProto;
const DT = onnx.TensorProto.DataType;

const big = Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256);
const small = Uint8Array.of(1, 2, 3, 4);

function model(): Uint8Array {
	return onnx.ModelProto.encode({
		irVersion: 8,
		producerName: 'test',
		opsetImport: [{ domain: '', version: 17 }],
		graph: {
			name: 'g',
			node: [{ opType: 'MatMul', input: ['x', 'w'], output: ['y'], name: 'mm' }],
			initializer: [
				{ name: 'w', dims: [32, 32], dataType: DT.FLOAT, rawData: big },
				{ name: 'b', dims: [1], dataType: DT.FLOAT, rawData: small },
				{ name: 'f', dims: [2], dataType: DT.FLOAT, floatData: [0.5, 2] },
			],
			input: [{ name: 'x' }],
			output: [{ name: 'y' }],
		},
	}).finish();
}

const entries = (tensor: onnxProto.onnx.ITensorProto): Record<string, string> => Object.fromEntries((tensor.externalData ?? []).map((e): [string, string] => [String(e.key), String(e.value)]));

describe('externalizeWeights', () => {
	it('turns large raw weights into references into the original bytes and keeps everything else', () => {
		const original = new Uint8Array(model());
		const split = externalizeWeights(original, 'model.weights');
		expect(split.byteLength).toBeLessThan(original.byteLength - big.byteLength + 200);
		const decoded = onnx.ModelProto.decode(split);
		expect(decoded.producerName).toBe('test');
		expect(decoded.opsetImport).toHaveLength(1);
		expect(decoded.graph?.node?.[0]).toMatchObject({ opType: 'MatMul', input: ['x', 'w'], output: ['y'] });
		const [w, b, f] = decoded.graph?.initializer ?? [];
		expect(w.name).toBe('w');
		expect(w.rawData).toHaveLength(0);
		expect(w.dataLocation).toBe(onnx.TensorProto.DataLocation.EXTERNAL);
		const ref = entries(w);
		expect(ref.location).toBe('model.weights');
		const offset = Number(ref.offset);
		expect(Number(ref.length)).toBe(big.byteLength);
		expect(original.subarray(offset, offset + Number(ref.length))).toEqual(big);
		// Small and non-raw tensors stay inline.
		expect(b.rawData).toEqual(small);
		expect(b.externalData).toHaveLength(0);
		expect(f.floatData).toEqual([0.5, 2]);
	});

	it('rejects bytes that are not a protobuf with a clear message', () => {
		expect(() => externalizeWeights(Uint8Array.of(0x0a, 0x7f, 1), 'model.weights')).toThrow(/not a valid ONNX protobuf/);
	});
});
