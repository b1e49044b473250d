import { Notice, type App } from 'obsidian';
import type { Dtype } from '../../core/embedding/types';
import type { ModelFiles } from '../../core/embedding/model-files';
import type { EngineHandle } from '../../core/session/engine-handle';
import { adapterByteStore, modelCacheFolder, pluginModelFiles } from './model-source';
import type { SemanticSearchSettings } from './settings';

export type EngineLoader = (files: ModelFiles, dtype: Dtype) => Promise<EngineHandle>;

/** The plugin's engine: the model runs in the embedding worker, whose code is imported only when first needed. */
export const workerEngineLoader: EngineLoader = async (files, dtype) => {
	const { loadWorkerEngine } = await import('./worker-engine');
	return loadWorkerEngine(files, dtype);
};

/** The user's model folder, then the pinned Hub download cached in the plugin folder. */
export function noticedModelFiles(app: App, pluginId: string, settings: SemanticSearchSettings): ModelFiles {
	const cache = adapterByteStore(app.vault.adapter, modelCacheFolder(app.vault.configDir, pluginId));
	// A download takes a while (up to 90 MB): say so, and say when it is done.
	let notice: Notice | undefined;
	const files = pluginModelFiles(settings, cache, undefined, (file, phase) => {
		if (phase === 'start') notice = new Notice(`Downloading the embedding model from Hugging Face: ${file}…`, 0);
		else notice?.hide();
	});
	return {
		location: files.location,
		// A failed download reports its own error; its progress notice must not stay up.
		read: (path) => files.read(path).finally(() => notice?.hide()),
	};
}
