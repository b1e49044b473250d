/**
 * Public surface of the index layer for the plugin (browser-safe: no Node modules here).
 * The CLI imports `disk-store` and `fs-note-source` directly.
 */
export type * from './types';
export { Indexer, type IndexerEvents, type IndexerOptions } from './indexer';
export { IdbVectorStore, vaultDatabaseName, deleteVaultDatabase } from './idb-store';
export { MemoryVectorStore } from './memory-store';
export { createExclusions, defaultExclusionPatterns } from './exclusions';
export { localChunker, type Chunker } from './chunker-port';
export { indexVault, type IndexVaultOptions } from './index-vault';
export { SCHEMA_VERSION, PLUGIN_ID, storeModelKey, expectedMeta } from './model-key';
export { contentHash } from './content-hash';
export { type Clock, systemClock } from './clock';
export { EmbedderUnavailableError, isEmbedderUnavailable } from './errors';
