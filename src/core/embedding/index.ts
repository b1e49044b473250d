/** Public API of the embedding engine (pure core: no Node, no Obsidian). */
export type { Dtype, Embedder, EmbeddingEngine, Tokenizer } from './types';
export { createEngine, DEFAULT_BATCH_SIZE, type EngineOptions } from './engine';
export { ModelIntegrityError, ModelNotAvailableError } from './errors';
export { firstAvailable, memoryModelFiles, modelFilesFrom, type ModelFiles } from './model-files';
export { hubModelFiles, memoryByteStore, type ByteStore, type FetchLike, type FetchResponseLike, type HubModelFilesOptions } from './hub-download';
export { HUB_REPO, HUB_REVISION, hubUrl, requiredFiles, tokenizerFiles, weightsPath, type PinnedFile } from './model-manifest';
export { createTokenizer } from './load-tokenizer';
export { MAX_TOKENS, WordPieceTokenizer } from './tokenizer';
