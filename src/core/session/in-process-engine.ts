import type { EmbeddingEngine } from '../embedding/types';
import { localChunker } from '../index/chunker-port';
import type { EngineHandle } from './engine-handle';

/** An engine running in this thread (CLI, tests): it chunks with its own tokenizer. */
export function inProcessEngine(engine: EmbeddingEngine): EngineHandle {
	return { embedder: engine, chunk: localChunker(engine.tokenizer), dispose: () => engine.dispose() };
}
