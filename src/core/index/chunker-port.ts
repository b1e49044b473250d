import type { Tokenizer } from '../embedding/types';
import { chunkNote } from '../text/chunker';
import type { NoteInput, Passage } from '../text/passage';

/**
 * How the indexer gets passages: in the plugin the worker client chunks off the UI thread,
 * in the CLI and tests `localChunker` chunks in-process.
 */
export type Chunker = (note: NoteInput) => Promise<Passage[]>;

export function localChunker(tokenizer: Tokenizer): Chunker {
	return (note) => {
		try {
			return Promise.resolve(chunkNote(note, tokenizer));
		} catch (err) {
			return Promise.reject(err instanceof Error ? err : new Error(String(err)));
		}
	};
}
