/**
 * Cosine similarity in float64. Engine vectors are already unit length, but dividing by the norms
 * keeps the CLI honest about what it prints even for a vector that is not.
 */
export function cosine(a: Float32Array, b: Float32Array): number {
	if (a.length !== b.length) throw new RangeError(`vectors differ in length: ${a.length} vs ${b.length}`);
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (let i = 0; i < a.length; i++) {
		dot += a[i] * b[i];
		na += a[i] * a[i];
		nb += b[i] * b[i];
	}
	// A zero vector has no direction; 0 is the only answer that cannot be mistaken for a match.
	return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
