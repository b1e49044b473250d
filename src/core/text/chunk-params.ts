/**
 * Chunking parameters. They change what is embedded, so they are part of the store's model key:
 * bumping any of them (or `version` when the cleaning rules change) forces a full rebuild.
 */
export interface ChunkingParams {
	/** Word pieces per passage INCLUDING [CLS] and [SEP]; MiniLM silently truncates beyond 256. */
	maxTokens: number;
	/** Sentences repeated at the start of the next passage when a section is split. */
	overlapSentences: number;
	/** An overlap sentence longer than this is not repeated: it would crowd out new text. */
	maxOverlapTokens: number;
	/** Title word pieces embedded with the first passage; a longer title is cut. */
	maxTitleTokens: number;
	/** Revision of the cleaning and splitting rules. */
	version: number;
}

export const CHUNKING: Readonly<ChunkingParams> = Object.freeze({
	maxTokens: 256,
	overlapSentences: 1,
	maxOverlapTokens: 64,
	maxTitleTokens: 32,
	version: 1,
});

/** The chunking part of the model key, e.g. `chunk-v1-256-1`. */
export function chunkingKey(params: Readonly<ChunkingParams> = CHUNKING): string {
	return `chunk-v${params.version}-${params.maxTokens}-${params.overlapSentences}-${params.maxOverlapTokens}-${params.maxTitleTokens}`;
}
