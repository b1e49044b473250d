import os from 'node:os';
import path from 'node:path';
import { createNodeEngine, nodeModelSource } from '../node/node-engine';
import type { EmbeddingEngine } from '../core/embedding/types';
import type { ModelRequest } from './args';
import type { CliContext } from './command';
import type { CliIo } from './io';

/**
 * Where the CLI keeps downloads and per-vault indexes: $XDG_CACHE_HOME/semantic-note-search,
 * else ~/.cache/semantic-note-search. Never inside a vault, so sync tools do not ship it around.
 */
export function defaultCacheRoot(env: CliIo['env']): string {
	const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'semantic-note-search');
}

/**
 * A model folder when one is named (and only that folder, so a typo is reported rather than
 * silently replaced by a cached model); otherwise the checkout's export from `npm run
 * reference:setup` when there is one, then the verified download cache under `cacheRoot`.
 */
export function openNodeEngine(request: ModelRequest, cacheRoot: string, referenceModelDir?: string): Promise<EmbeddingEngine> {
	const files = request.modelDir
		? nodeModelSource({ modelDir: request.modelDir })
		: nodeModelSource({ modelDir: referenceModelDir, cacheDir: path.join(cacheRoot, 'models'), allowDownload: request.allowDownload });
	return createNodeEngine({ files, dtype: request.dtype });
}

/** The context of a real `note-search` process; `repoRoot` is the checkout holding fixtures/. */
export function nodeContext(io: CliIo, repoRoot: string): CliContext {
	const cacheRoot = defaultCacheRoot(io.env);
	return {
		io,
		openEngine: (request) => openNodeEngine(request, cacheRoot, path.join(repoRoot, '.cache', 'real-model')),
		defaultFixturesFile: path.join(repoRoot, 'fixtures', 'similarity-reference.toml'),
		cacheRoot,
	};
}
