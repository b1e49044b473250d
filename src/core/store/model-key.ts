import { chunkingKey } from '../text/chunk-params';
import type { StoreMeta } from './types';

/** Bumped when the record layout changes; a mismatch clears the store. 2: passage texts for the keyword index. */
export const SCHEMA_VERSION = 2;

/** The plugin id, used to name per-vault databases. */
export const PLUGIN_ID = 'semantic-note-search';

/**
 * The key stored vectors are valid for: the embedder's key (model, revision, dtype) plus the
 * chunking parameters, because changing either changes what a passage vector means.
 */
export function storeModelKey(embedderKey: string, chunking: string = chunkingKey()): string {
	return `${embedderKey}|${chunking}`;
}

export function expectedMeta(embedderKey: string, chunking?: string): StoreMeta {
	return { schemaVersion: SCHEMA_VERSION, modelKey: storeModelKey(embedderKey, chunking) };
}
