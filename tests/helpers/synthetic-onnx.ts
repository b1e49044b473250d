/**
 * Writes the ONNX graph of all-MiniLM-L6-v2 (BERT encoder, as exported by HF Optimum) around the
 * seeded weights of synthetic-weights.ts. Same input/output names and dtypes as the real
 * `onnx/model.onnx`, so transformers.js loads it exactly like the real file.
 */
import onnxProto from 'onnx-proto';
import { MINILM, type SyntheticParams, type SyntheticWeights, type WeightTensor } from './synthetic-weights';

const { onnx } = onnxProto;
type INodeProto = onnxProto.onnx.INodeProto;
type ITensorProto = onnxProto.onnx.ITensorProto;
type IAttributeProto = onnxProto.onnx.IAttributeProto;
type IValueInfoProto = onnxProto.onnx.IValueInfoProto;

const DT = onnx.TensorProto.DataType;
const AT = onnx.AttributeProto.AttributeType;

function bytesOf(view: Float32Array | BigInt64Array): Uint8Array {
	return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** Accumulates nodes and initializers with unique, readable names. */
class GraphBuilder {
	readonly nodes: INodeProto[] = [];
	readonly initializers: ITensorProto[] = [];
	private counter = 0;

	private fresh(prefix: string): string {
		return `${prefix}_${this.counter++}`;
	}

	weight(name: string, t: WeightTensor): string {
		this.initializers.push({ name, dims: t.dims, dataType: DT.FLOAT, rawData: bytesOf(t.data) });
		return name;
	}

	floatConst(value: number): string {
		const name = this.fresh('const_f');
		this.initializers.push({ name, dims: [], dataType: DT.FLOAT, rawData: bytesOf(Float32Array.of(value)) });
		return name;
	}

	int64Const(values: number[], scalar = false): string {
		const name = this.fresh('const_i');
		const data = BigInt64Array.from(values.map((v) => BigInt(v)));
		this.initializers.push({ name, dims: scalar ? [] : [values.length], dataType: DT.INT64, rawData: bytesOf(data) });
		return name;
	}

	/** Adds one node and returns its (single) output name. */
	op(opType: string, inputs: string[], attributes: IAttributeProto[] = [], output?: string): string {
		const out = output ?? this.fresh(opType.toLowerCase());
		this.nodes.push({ opType, input: inputs, output: [out], name: this.fresh(`n_${opType}`), attribute: attributes });
		return out;
	}
}

const intAttr = (name: string, i: number): IAttributeProto => ({ name, type: AT.INT, i });
const intsAttr = (name: string, ints: number[]): IAttributeProto => ({ name, type: AT.INTS, ints });
const floatAttr = (name: string, f: number): IAttributeProto => ({ name, type: AT.FLOAT, f });

function layerNorm(g: GraphBuilder, x: string, gamma: string, beta: string): string {
	return g.op('LayerNormalization', [x, gamma, beta], [intAttr('axis', -1), floatAttr('epsilon', MINILM.layerNormEps)]);
}

function linear(g: GraphBuilder, x: string, w: string, b: string): string {
	return g.op('Add', [g.op('MatMul', [x, w]), b]);
}

/** Exact GELU, x·½·(1 + erf(x/√2)), as torch's default `gelu` exports; or the tanh approximation. */
function gelu(g: GraphBuilder, x: string, kind: SyntheticParams['gelu']): string {
	if (kind === 'erf') {
		const erf = g.op('Erf', [g.op('Div', [x, g.floatConst(Math.SQRT2)])]);
		return g.op('Mul', [g.op('Mul', [x, g.op('Add', [erf, g.floatConst(1)])]), g.floatConst(0.5)]);
	}
	const cube = g.op('Mul', [x, g.op('Mul', [x, x])]);
	const inner = g.op('Mul', [g.op('Add', [x, g.op('Mul', [cube, g.floatConst(0.044715)])]), g.floatConst(Math.sqrt(2 / Math.PI))]);
	const tanh = g.op('Tanh', [inner]);
	return g.op('Mul', [g.op('Mul', [x, g.op('Add', [tanh, g.floatConst(1)])]), g.floatConst(0.5)]);
}

export function buildSyntheticOnnx(w: SyntheticWeights, params: SyntheticParams): Uint8Array {
	const g = new GraphBuilder();
	const { hidden, heads } = MINILM;
	const headDim = hidden / heads;

	// Embeddings: word + position (0..seq-1) + token type, then LayerNorm.
	const word = g.op('Gather', [g.weight('embeddings.word_embeddings.weight', w.wordEmbeddings), 'input_ids'], [intAttr('axis', 0)]);
	const seqLen = g.op('Gather', [g.op('Shape', ['input_ids']), g.int64Const([1], true)], [intAttr('axis', 0)]);
	const positionIds = g.op('Range', [g.int64Const([0], true), seqLen, g.int64Const([1], true)]);
	const position = g.op('Gather', [g.weight('embeddings.position_embeddings.weight', w.positionEmbeddings), positionIds], [intAttr('axis', 0)]);
	const tokenType = g.op('Gather', [g.weight('embeddings.token_type_embeddings.weight', w.tokenTypeEmbeddings), 'token_type_ids'], [intAttr('axis', 0)]);
	let x = layerNorm(
		g,
		g.op('Add', [g.op('Add', [word, position]), tokenType]),
		g.weight('embeddings.LayerNorm.weight', w.embLnGamma),
		g.weight('embeddings.LayerNorm.bias', w.embLnBeta),
	);

	// Extended attention mask as HF builds it: (1 - mask) * float32_min, added to the scores.
	const mask4 = g.op('Unsqueeze', [g.op('Cast', ['attention_mask'], [intAttr('to', DT.FLOAT)]), g.int64Const([1, 2])]);
	const maskBias = g.op('Mul', [g.op('Sub', [g.floatConst(1), mask4]), g.floatConst(-3.4028234663852886e38)]);

	const splitShape = g.int64Const([0, 0, heads, headDim]);
	const mergeShape = g.int64Const([0, 0, hidden]);
	const scale = g.floatConst(Math.sqrt(headDim));

	w.layers.forEach((lw, l) => {
		const p = `encoder.layer.${l}`;
		const proj = (name: string, wt: WeightTensor, b: WeightTensor, perm: number[]): string =>
			g.op('Transpose', [g.op('Reshape', [linear(g, x, g.weight(`${p}.${name}.weight`, wt), g.weight(`${p}.${name}.bias`, b)), splitShape])], [intsAttr('perm', perm)]);
		const q = proj('attention.self.query', lw.q, lw.qBias, [0, 2, 1, 3]);
		const k = proj('attention.self.key', lw.k, lw.kBias, [0, 2, 3, 1]);
		const v = proj('attention.self.value', lw.v, lw.vBias, [0, 2, 1, 3]);
		const scores = g.op('Add', [g.op('Div', [g.op('MatMul', [q, k]), scale]), maskBias]);
		const probs = g.op('Softmax', [scores], [intAttr('axis', -1)]);
		const context = g.op('Reshape', [g.op('Transpose', [g.op('MatMul', [probs, v])], [intsAttr('perm', [0, 2, 1, 3])]), mergeShape]);
		const attnOut = linear(g, context, g.weight(`${p}.attention.output.dense.weight`, lw.attnOut), g.weight(`${p}.attention.output.dense.bias`, lw.attnOutBias));
		const x1 = layerNorm(g, g.op('Add', [attnOut, x]), g.weight(`${p}.attention.output.LayerNorm.weight`, lw.attnLnGamma), g.weight(`${p}.attention.output.LayerNorm.bias`, lw.attnLnBeta));
		const inter = gelu(g, linear(g, x1, g.weight(`${p}.intermediate.dense.weight`, lw.ffnIn), g.weight(`${p}.intermediate.dense.bias`, lw.ffnInBias)), params.gelu);
		const ffnOut = linear(g, inter, g.weight(`${p}.output.dense.weight`, lw.ffnOut), g.weight(`${p}.output.dense.bias`, lw.ffnOutBias));
		x = layerNorm(g, g.op('Add', [ffnOut, x1]), g.weight(`${p}.output.LayerNorm.weight`, lw.ffnLnGamma), g.weight(`${p}.output.LayerNorm.bias`, lw.ffnLnBeta));
	});
	g.op('Identity', [x], [], 'last_hidden_state');

	const dim = (p: string | number) => (typeof p === 'string' ? { dimParam: p } : { dimValue: p });
	const valueInfo = (name: string, elemType: number, shape: (string | number)[]): IValueInfoProto => ({
		name,
		type: { tensorType: { elemType, shape: { dim: shape.map(dim) } } },
	});
	const model = onnx.ModelProto.create({
		irVersion: 8,
		producerName: 'semantic-note-search synthetic-minilm',
		opsetImport: [{ domain: '', version: 17 }],
		graph: {
			name: 'synthetic_all_minilm_l6_v2',
			node: g.nodes,
			initializer: g.initializers,
			input: ['input_ids', 'attention_mask', 'token_type_ids'].map((n) => valueInfo(n, DT.INT64, ['batch_size', 'sequence_length'])),
			output: [valueInfo('last_hidden_state', DT.FLOAT, ['batch_size', 'sequence_length', hidden])],
		},
	});
	return onnx.ModelProto.encode(model).finish();
}
