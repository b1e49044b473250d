import { normalizePath, Platform, requestUrl, type DataAdapter } from 'obsidian';
import { hubModelFiles, type ByteStore, type FetchLike } from '../core/embedding/hub-download';
import { firstAvailable, modelFilesFrom, type ModelFiles } from '../core/embedding/model-files';
import type { SemanticSearchSettings } from './settings';

/**
 * Where downloaded model files are cached: inside the plugin's own folder (`manifest.dir`, which
 * need not be named after the plugin id), so uninstalling the plugin removes them.
 */
export function modelCacheFolder(pluginDir: string): string {
	return normalizePath(`${pluginDir}/models`);
}

/**
 * Reads a file from a folder outside the vault; the desktop app exposes Node's `fs` through
 * `require` (a dynamic `import()` would be resolved as a URL by the renderer and fail).
 * `isDesktopApp`, not `isDesktop`: the latter is the layout, which a desktop app can switch.
 */
async function readOutsideVault(folder: string, relativePath: string): Promise<Uint8Array | undefined> {
	if (Platform.isDesktopApp) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- Obsidian desktop's Node bridge
		const fs = require('fs') as typeof import('fs');
		try {
			return new Uint8Array(await fs.promises.readFile(`${folder.replace(/[\\/]+$/, '')}/${relativePath}`));
		} catch {
			return undefined; // missing or unreadable: the engine reports which file it needed
		}
	}
	return undefined;
}

/** The model download cache on the vault adapter, with the atomic rename the downloader needs. */
export function adapterByteStore(adapter: DataAdapter, folder: string): ByteStore {
	const pathOf = (key: string) => normalizePath(`${folder}/${key}`);
	const ensureParent = async (path: string) => {
		const parent = path.slice(0, path.lastIndexOf('/'));
		if (parent && !(await adapter.exists(parent))) await adapter.mkdir(parent);
	};
	return {
		location: folder,
		async read(key) {
			const path = pathOf(key);
			if (!(await adapter.exists(path))) return undefined;
			return new Uint8Array(await adapter.readBinary(path));
		},
		async write(key, bytes) {
			const path = pathOf(key);
			await ensureParent(path);
			await adapter.writeBinary(path, bytes.slice().buffer);
		},
		async rename(from, to) {
			const target = pathOf(to);
			if (await adapter.exists(target)) await adapter.remove(target);
			await adapter.rename(pathOf(from), target);
		},
		async remove(key) {
			const path = pathOf(key);
			if (await adapter.exists(path)) await adapter.remove(path);
		},
	};
}

/** Obsidian's requestUrl as the downloader's fetch: it is not subject to CORS, unlike fetch. */
export const requestUrlFetch: FetchLike = async (url) => {
	const response = await requestUrl({ url, throw: false });
	return { ok: response.status >= 200 && response.status < 300, status: response.status, arrayBuffer: () => Promise.resolve(response.arrayBuffer) };
};

/**
 * Where the engine looks for the model, in order: the user's folder (if set), then the verified
 * download cache, which downloads from the pinned Hub revision only when the user allowed it.
 */
export function pluginModelFiles(
	settings: Pick<SemanticSearchSettings, 'modelFolder' | 'allowDownload'>,
	cache: ByteStore,
	fetch: FetchLike = requestUrlFetch,
	onDownload?: (file: string, phase: 'start' | 'done') => void,
): ModelFiles {
	const sources: ModelFiles[] = [];
	if (settings.modelFolder !== '') {
		const folder = settings.modelFolder;
		sources.push(modelFilesFrom(`the folder ${folder}`, (rel) => readOutsideVault(folder, rel)));
	}
	sources.push(hubModelFiles({ fetch, store: cache, allowDownload: settings.allowDownload, onDownload: (e) => onDownload?.(e.file, e.phase) }));
	return firstAvailable(sources);
}
