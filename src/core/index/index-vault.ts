import type { EmbeddingEngine } from '../embedding/types';
import { localChunker } from './chunker-port';
import { Indexer } from './indexer';
import type { Exclusions, IndexProgress, IndexReport, NoteSource } from './types';
import type { VectorStore } from '../store/types';

export interface IndexVaultOptions {
	source: NoteSource;
	store: VectorStore;
	engine: EmbeddingEngine;
	/** Default: `.obsidian/` and `*.excalidraw.md`. */
	exclusions?: Exclusions;
	onProgress?: (progress: IndexProgress) => void;
}

/**
 * One reconcile of a whole vault, chunking in-process with the engine's tokenizer: what
 * `note-search index VAULT` runs. The caller owns (and closes) the store and the engine.
 */
export async function indexVault(options: IndexVaultOptions): Promise<IndexReport> {
	const indexer = new Indexer({
		source: options.source,
		store: options.store,
		embedder: options.engine,
		chunk: localChunker(options.engine.tokenizer),
		exclusions: options.exclusions,
	});
	const off = options.onProgress ? indexer.on('progress', options.onProgress) : undefined;
	try {
		return await indexer.run();
	} finally {
		off?.();
		indexer.dispose();
	}
}
