/**
 * mulberry32: a tiny seeded generator, so every random case, synthetic vault and synthetic model
 * is reproducible. Integer arithmetic only, so the same seed gives the same sequence on every
 * engine: the synthetic model's weights (tests/helpers/synthetic-weights.ts) depend on it bit for
 * bit, so changing this function changes every generated model.
 *
 * Returns floats uniform in [0, 1).
 */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
