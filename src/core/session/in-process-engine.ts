import type { EmbeddingEngine } from '../embedding/types';
import { localWindows } from '../index/window-port';
import type { EngineHandle } from './engine-handle';

/** An engine running in this thread (CLI, tests): it chunks and embeds windows with the same core function as the worker. */
export function inProcessEngine(engine: EmbeddingEngine): EngineHandle {
	return { embedder: engine, windows: localWindows(engine), dispose: () => engine.dispose() };
}
