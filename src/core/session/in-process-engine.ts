import { findAnswer } from '../answer/find-answer';
import type { EmbeddingEngine } from '../embedding/types';
import { localWindows } from '../index/window-port';
import type { EngineHandle } from './engine-handle';

/** An engine running in this thread (CLI, tests): it chunks and embeds windows, and finds answers, with the same core functions as the worker. */
export function inProcessEngine(engine: EmbeddingEngine): EngineHandle {
	return { embedder: engine, windows: localWindows(engine), answer: (query, passage) => findAnswer(engine, query, passage), dispose: () => engine.dispose() };
}
