import { JsScorer } from './js-scorer';
import type { RowScorer, ScorerKind } from './row-scorer';
import { WasmScorer } from './wasm-scorer';

/** The fastest scorer this runtime supports, unless `kind` forces one. */
export function createScorer(dim: number, kind?: ScorerKind): RowScorer {
	if (kind !== 'js' && WasmScorer.supports(dim)) return new WasmScorer(dim);
	if (kind === 'wasm') throw new Error('WebAssembly SIMD scoring is not available here');
	return new JsScorer(dim);
}
