/**
 * The model input the reference uses, built independently of the engine's truncation code from
 * the published facts: [CLS]=101, the first 254 word pieces, [SEP]=102.
 */
export const CLS = 101;
export const SEP = 102;

export function referenceIds(wordPieces: readonly number[], maxTokens = 256): number[] {
	return [CLS, ...wordPieces.slice(0, maxTokens - 2), SEP];
}
