import type { NoteSource } from '../../src/core/index/types';

/** Notes held in memory as a vault for the indexer, with fixed, distinct modification times. */
export function memoryVault(notes: readonly { path: string; markdown: string }[]): NoteSource {
	const byPath = new Map(notes.map((n) => [n.path, n.markdown]));
	return {
		list: () => Promise.resolve(notes.map((n, i) => ({ path: n.path, mtime: 1_700_000_000_000 + i, size: n.markdown.length }))),
		read: (path) => Promise.resolve(byPath.get(path) ?? ''),
	};
}
