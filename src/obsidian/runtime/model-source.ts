import { normalizePath, Notice, Platform, type App, type DataAdapter } from 'obsidian';
import { hubModelFiles, type ByteStore, type FetchLike } from '../../core/embedding/hub-download';
import { firstAvailable, modelFilesFrom, type ModelFiles } from '../../core/embedding/model-files';
import { streamingFetch, DOWNLOAD_STALL_MS } from './model-download';
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
			// The downloaded buffer as it is: copying it would hold the 90 MB weights twice.
			const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
			await adapter.writeBinary(path, whole ? bytes.buffer : bytes.slice().buffer);
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

/**
 * Where the engine looks for the model, in order: the user's folder (if set), then the verified
 * download cache, which downloads from the pinned Hub revision only when the user allowed it.
 */
export function pluginModelFiles(
	settings: Pick<SemanticSearchSettings, 'modelFolder' | 'allowDownload'>,
	cache: ByteStore,
	fetch: FetchLike,
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

const MB = 1_000_000;

/**
 * The model files for the runtime: the user's folder, then the download cache in the plugin's
 * folder. A download shows a notice with its size and progress, stops when `signal` aborts (the
 * plugin unloads) or when it stalls, and its notice never outlives it. Once `signal` aborted, no
 * read returns bytes, so a model load in progress ends before it starts the worker.
 */
export function noticedModelFiles(
	app: App,
	pluginDir: string,
	settings: Pick<SemanticSearchSettings, 'modelFolder' | 'allowDownload'>,
	signal: AbortSignal,
	options: { stallMs?: number } = {},
): ModelFiles {
	const cache = adapterByteStore(app.vault.adapter, modelCacheFolder(pluginDir));
	let notice: Notice | undefined;
	let file = '';
	const say = (text: string) => {
		const message = `Downloading the embedding model from Hugging Face: ${text}`;
		if (notice) notice.setMessage(message);
		else notice = new Notice(message, 0);
	};
	const hide = () => {
		notice?.hide();
		notice = undefined;
	};
	const progress = (received: number, total: number | undefined) => {
		// Small files go by in a moment; the weights say how far they got.
		if (total !== undefined && total >= MB) say(`${file}, ${(received / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB`);
	};
	const fetch = streamingFetch(signal, progress, options.stallMs ?? DOWNLOAD_STALL_MS);
	const files = pluginModelFiles(settings, cache, fetch, (name, phase) => {
		file = name;
		if (phase === 'start') say(`${name}…`);
		else hide();
	});
	const disabled = () => new Error('The model was not loaded: the plugin was disabled.');
	return {
		location: files.location,
		read: async (path) => {
			if (signal.aborted) throw disabled();
			try {
				const bytes = await files.read(path);
				// Disabled meanwhile: hand nothing on, so no worker starts for a plugin that is gone.
				if (signal.aborted) throw disabled();
				return bytes;
			} finally {
				hide(); // a failed download reports its own error; its progress notice must not stay up
			}
		},
	};
}
