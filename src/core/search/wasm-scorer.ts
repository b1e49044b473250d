import type { RowScorer } from './row-scorer';
import { dotsModule, type DotsFunction } from './wasm-dots';

const PAGE = 65536;
/** wasm32 linear memory cannot exceed 4 GiB. */
const MAX_PAGES = 65536;

/**
 * Scores with the SIMD module in `wasm-dots.ts`. The matrix itself lives in the module's linear
 * memory, laid out as [query: dim f64][scores: capacity f64][rows: capacity × dim f32], so a
 * search copies only the query in. Every `allocate` makes a fresh memory of exactly the needed
 * size (wasm memory cannot shrink, and growing in place would detach the views anyway).
 */
export class WasmScorer implements RowScorer {
	readonly kind = 'wasm';
	private memory: WebAssembly.Memory | undefined;
	private dots: DotsFunction | undefined;
	private query = new Float64Array(0);
	private out = new Float64Array(0);
	private data = new Float32Array(0);

	/** Whether this runtime can run the module, for vectors of `dim` floats. */
	static supports(dim: number): boolean {
		return dim % 8 === 0 && dotsModule() !== undefined;
	}

	constructor(readonly dim: number) {
		if (!WasmScorer.supports(dim)) throw new Error(`WebAssembly SIMD scoring cannot handle dimension ${dim}`);
	}

	/** @throws RangeError when the memory cannot be had (over 4 GiB, or refused by the engine). */
	allocate(capacity: number): Float32Array {
		const module = dotsModule();
		if (module === undefined) throw new Error('WebAssembly SIMD is not available');
		const dim = this.dim;
		const outOffset = dim * 8;
		const dataOffset = outOffset + capacity * 8;
		const pages = Math.max(1, Math.ceil((dataOffset + capacity * dim * 4) / PAGE));
		if (pages > MAX_PAGES) throw new RangeError(`${capacity} rows of ${dim} floats exceed WebAssembly memory`);
		const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
		const instance = new WebAssembly.Instance(module, { env: { mem: memory } });
		this.memory = memory;
		this.dots = instance.exports.dots as DotsFunction;
		this.query = new Float64Array(memory.buffer, 0, dim);
		this.out = new Float64Array(memory.buffer, outOffset, capacity);
		this.data = new Float32Array(memory.buffer, dataOffset, capacity * dim);
		return this.data;
	}

	score(data: Float32Array, rows: number, query: Float32Array): Float64Array {
		if (data !== this.data || this.dots === undefined || this.memory === undefined) {
			throw new Error('WasmScorer.score called with storage it did not allocate');
		}
		this.query.set(query);
		this.dots(this.data.byteOffset, rows, this.dim, 0, this.out.byteOffset);
		return this.out;
	}
}
