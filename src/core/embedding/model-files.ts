/**
 * Where model files come from, reduced to "read a relative path → bytes" so the same engine runs
 * in Node (a folder), in a Web Worker (bytes handed over by the main thread) and in Obsidian's
 * renderer, and never lets transformers.js touch the file system or the network itself.
 */
export interface ModelFiles {
	/** Where the files are looked up, for messages: "folder /x/y", "download cache …". */
	readonly location: string;
	/** Bytes of `relativePath` ('config.json', 'onnx/model.onnx'), or undefined when absent. */
	read(relativePath: string): Promise<Uint8Array | undefined>;
}

/** Files already in memory, e.g. transferred to a worker. Keys are relative paths. */
export function memoryModelFiles(files: Readonly<Record<string, Uint8Array>>, location = 'in-memory model files'): ModelFiles {
	return {
		location,
		read: (relativePath) => Promise.resolve(Object.prototype.hasOwnProperty.call(files, relativePath) ? files[relativePath] : undefined),
	};
}

/** Wraps any reader (Obsidian adapter, IndexedDB, …); the reader returns undefined for a missing file. */
export function modelFilesFrom(location: string, read: (relativePath: string) => Promise<Uint8Array | undefined>): ModelFiles {
	return { location, read };
}

/**
 * Tries sources in order per file (e.g. the user's folder, then the verified download cache);
 * the location lists all of them so a "not found" message says everywhere it looked.
 */
export function firstAvailable(sources: readonly ModelFiles[]): ModelFiles {
	return {
		location: sources.map((s) => s.location).join('; '),
		async read(relativePath) {
			for (const source of sources) {
				const bytes = await source.read(relativePath);
				if (bytes) return bytes;
			}
			return undefined;
		},
	};
}
