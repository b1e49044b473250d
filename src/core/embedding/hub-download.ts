/**
 * Model files from the Hugging Face Hub, pinned to one commit, verified, and cached.
 * Pure core: the network (`fetch`) and the storage (`ByteStore`) are injected, so the Node CLI,
 * the plugin and offline tests share this logic.
 *
 * Guarantees: a file is only returned after its size and sha256 match the pinned values; a
 * download is written to a temporary key and renamed into place only when complete and verified,
 * so an interrupted or corrupt transfer is never used and never kept.
 */
import { ModelIntegrityError } from './errors';
import type { ModelFiles } from './model-files';
import { HUB_REPO, HUB_REVISION, hubUrl, pinnedFile, type PinnedFile } from './model-manifest';
import { sha256Hex } from './sha256';

/** The part of a fetch Response the downloader needs. */
export interface FetchResponseLike {
	readonly ok: boolean;
	readonly status: number;
	arrayBuffer(): Promise<ArrayBuffer>;
}
export type FetchLike = (url: string) => Promise<FetchResponseLike>;

/** Persistent key → bytes storage with an atomic rename (a folder on disk, IndexedDB, …). */
export interface ByteStore {
	readonly location: string;
	read(key: string): Promise<Uint8Array | undefined>;
	write(key: string, bytes: Uint8Array): Promise<void>;
	/** Replaces `to` with `from` in one step; `from` no longer exists afterwards. */
	rename(from: string, to: string): Promise<void>;
	remove(key: string): Promise<void>;
}

export interface HubModelFilesOptions {
	fetch: FetchLike;
	store: ByteStore;
	/** False means: use verified cached files only, never touch the network. */
	allowDownload: boolean;
	/** Called before and after each download (for a progress notice). */
	onDownload?: (event: { file: string; phase: 'start' | 'done'; bytes?: number }) => void;
}

async function verify(file: PinnedFile, bytes: Uint8Array): Promise<string | undefined> {
	if (file.size !== undefined && bytes.byteLength !== file.size) return `size ${bytes.byteLength}, expected ${file.size}`;
	const digest = await sha256Hex(bytes);
	return digest === file.sha256 ? undefined : `sha256 ${digest}, expected ${file.sha256}`;
}

/** Cache key of a file: the pinned revision is part of it, so another revision never matches. */
function cacheKey(path: string): string {
	return `${HUB_REPO.replace('/', '--')}--${HUB_REVISION}/${path}`;
}

let tempCounter = 0;

export function hubModelFiles(options: HubModelFilesOptions): ModelFiles {
	const { store } = options;
	const location = `the model download cache (${store.location})` + (options.allowDownload ? ' and the Hugging Face Hub' : ' (downloads not allowed)');

	async function cached(file: PinnedFile): Promise<Uint8Array | undefined> {
		const bytes = await store.read(cacheKey(file.path));
		if (!bytes) return undefined;
		if ((await verify(file, bytes)) === undefined) return bytes;
		// A cache entry that no longer verifies (disk corruption, manual edit) is dropped and refetched.
		await store.remove(cacheKey(file.path));
		return undefined;
	}

	async function download(file: PinnedFile): Promise<Uint8Array> {
		options.onDownload?.({ file: file.path, phase: 'start', bytes: file.size });
		const response = await options.fetch(hubUrl(file.path));
		if (!response.ok) throw new Error(`Downloading ${file.path} from the Hugging Face Hub failed (HTTP ${response.status}).`);
		const bytes = new Uint8Array(await response.arrayBuffer());
		const problem = await verify(file, bytes);
		if (problem) throw new ModelIntegrityError(file.path, problem);
		const temp = `${cacheKey(file.path)}.partial-${Date.now()}-${tempCounter++}`;
		try {
			await store.write(temp, bytes);
			await store.rename(temp, cacheKey(file.path));
		} catch (error) {
			await store.remove(temp).catch(() => undefined);
			throw error;
		}
		options.onDownload?.({ file: file.path, phase: 'done', bytes: bytes.byteLength });
		return bytes;
	}

	return {
		location,
		async read(relativePath) {
			const file = pinnedFile(relativePath);
			// Files outside the pinned set (e.g. optional generation_config.json) are simply absent.
			if (!file) return undefined;
			const hit = await cached(file);
			if (hit) return hit;
			if (!options.allowDownload) return undefined;
			return download(file);
		},
	};
}

/** A ByteStore in memory: for tests and for a session that must not persist anything. */
export function memoryByteStore(location = 'memory'): ByteStore & { readonly entries: Map<string, Uint8Array> } {
	const entries = new Map<string, Uint8Array>();
	return {
		location,
		entries,
		read: (key) => Promise.resolve(entries.get(key)),
		write: (key, bytes) => {
			entries.set(key, bytes.slice());
			return Promise.resolve();
		},
		rename: (from, to) => {
			const bytes = entries.get(from);
			if (!bytes) return Promise.reject(new Error(`rename: ${from} does not exist`));
			entries.set(to, bytes);
			entries.delete(from);
			return Promise.resolve();
		},
		remove: (key) => {
			entries.delete(key);
			return Promise.resolve();
		},
	};
}
