/**
 * A ~200-byte WebAssembly SIMD module computing one dot product per matrix row:
 *
 *   dots(data: f32*, rows: i32, dim: i32, query: f64*, out: f64*)
 *   out[r] = Σ_i f64(data[r*dim + i]) * query[i]      (dim must be a multiple of 8)
 *
 * Each float is widened to f64 before multiplying (f32×f32 is exact in f64), so scores have the
 * same double precision as the plain-JS kernel; only the summation order differs (~1e-16).
 * Assembled here from named opcodes rather than shipped as a .wasm file so it bundles into the
 * plugin as plain code and can be read and reviewed.
 */

const I32 = 0x7f;
const V128 = 0x7b;

// Locals: parameters first, then declared locals.
const DATA = 0;
const ROWS = 1;
const DIM = 2;
const QUERY = 3;
const OUT = 4;
const P = 5; // pointer into the current row
const END = 6; // end of the current row
const QP = 7; // pointer into the query
const R = 8; // row index
const A0 = 9; // four f64x2 accumulators: lanes hold elements (0,1) (2,3) (4,5) (6,7) of each group of 8
const A1 = 10;
const A2 = 11;
const A3 = 12;
const V = 13; // the four floats just loaded

const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const i32Const = (n: number): number[] => [0x41, ...sleb(n)];
const addI32 = [0x6a];
const shlI32 = [0x74];
const geU = [0x4f];
const ltU = [0x49];
const addF64 = [0xa0];
const storeF64 = [0x39, 3, 0];
const simd = (op: number, ...rest: number[]): number[] => [0xfd, ...uleb(op), ...rest];
const load128 = (align: number, offset: number): number[] => simd(0x00, align, offset);
const const128zero = simd(0x0c, ...new Array<number>(16).fill(0));
/** Moves the upper two f32 lanes down, so promote_low can widen them. */
const highToLow = simd(0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
const promoteLow = simd(0x5f);
const addF64x2 = simd(0xf0);
const mulF64x2 = simd(0xf2);
const extractF64 = (lane: number): number[] => simd(0x21, lane);

function uleb(n: number): number[] {
	const out: number[] = [];
	do {
		let byte = n & 0x7f;
		n >>>= 7;
		if (n !== 0) byte |= 0x80;
		out.push(byte);
	} while (n !== 0);
	return out;
}

function sleb(n: number): number[] {
	const out: number[] = [];
	for (;;) {
		const byte = n & 0x7f;
		n >>= 7;
		// Done when the rest is pure sign extension of the bit just written (0x40).
		if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
			out.push(byte);
			return out;
		}
		out.push(byte | 0x80);
	}
}

/** acc += promote(lanes of V) * query[qOffset/8 .. +2) */
function accumulate(acc: number, high: boolean, qOffset: number): number[] {
	return [
		...get(acc),
		...get(V),
		...(high ? [...get(V), ...highToLow] : []),
		...promoteLow,
		...get(QP),
		...load128(3, qOffset),
		...mulF64x2,
		...addF64x2,
		...set(acc),
	];
}

const body: number[] = [
	...[2, 4, I32, 5, V128], // locals: 4 × i32, 5 × v128 (zero-initialised)
	...get(DATA), ...set(P),
	0x02, 0x40, // block
	0x03, 0x40, //   loop over rows
	...get(R), ...get(ROWS), ...geU, 0x0d, 1, // if r >= rows: break
	...const128zero, 0x22, A0, 0x22, A1, 0x22, A2, ...set(A3),
	...get(P), ...get(DIM), ...i32Const(2), ...shlI32, ...addI32, ...set(END),
	...get(QUERY), ...set(QP),
	0x03, 0x40, //     loop over groups of 8 floats
	...get(P), ...load128(2, 0), ...set(V),
	...accumulate(A0, false, 0),
	...accumulate(A1, true, 16),
	...get(P), ...load128(2, 16), ...set(V),
	...accumulate(A2, false, 32),
	...accumulate(A3, true, 48),
	...get(P), ...i32Const(32), ...addI32, ...set(P),
	...get(QP), ...i32Const(64), ...addI32, ...set(QP),
	...get(P), ...get(END), ...ltU, 0x0d, 0, // continue while p < end
	0x0b, //     end
	...get(OUT), ...get(R), ...i32Const(3), ...shlI32, ...addI32, // &out[r]
	...get(A0), ...get(A1), ...addF64x2, ...get(A2), ...get(A3), ...addF64x2, ...addF64x2, ...set(V),
	...get(V), ...extractF64(0), ...get(V), ...extractF64(1), ...addF64,
	...storeF64,
	...get(R), ...i32Const(1), ...addI32, ...set(R),
	0x0c, 0, //   next row
	0x0b, // end loop
	0x0b, // end block
	0x0b, // end function
];

function section(id: number, content: number[]): number[] {
	return [id, ...uleb(content.length), ...content];
}

const name = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];

/** The module bytes; it imports its memory as env.mem so the matrix can live inside it. */
export const DOTS_WASM = new Uint8Array([
	0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
	...section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 0]), // type: (i32 × 5) -> ()
	...section(2, [1, ...name('env'), ...name('mem'), 0x02, 0x00, 1]), // import memory, min 1 page
	...section(3, [1, 0]), // one function of type 0
	...section(7, [1, ...name('dots'), 0x00, 0]), // export it
	...section(10, [1, ...uleb(body.length), ...body]),
]);

export type DotsFunction = (data: number, rows: number, dim: number, query: number, out: number) => void;

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled module, or undefined where WebAssembly or its SIMD extension is missing
 * (then search uses the plain-JS kernel). Compiled once, synchronously: it is tiny.
 */
export function dotsModule(): WebAssembly.Module | undefined {
	if (compiled === undefined) {
		try {
			compiled = typeof WebAssembly === 'object' && WebAssembly.validate(DOTS_WASM) ? new WebAssembly.Module(DOTS_WASM) : null;
		} catch {
			compiled = null;
		}
	}
	return compiled ?? undefined;
}
