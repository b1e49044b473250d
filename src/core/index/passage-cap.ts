/**
 * Most passages embedded for one note. A 5 MB note chunks into thousands of passages: tens of
 * minutes of embedding (at ~400 word pieces/s in WASM) during which no other note is indexed,
 * and a result list flooded by one note. 256 passages (≈ 60k word pieces, a long book chapter)
 * covers every ordinary note; a longer one is indexed with its first 256 passages and carries a
 * `notice` saying so, shown in the index status.
 */
export const MAX_PASSAGES_PER_NOTE = 256;

const count = new Intl.NumberFormat('en-US');

/** The notice stored on a note cut to its first `kept` passages. */
function partlyIndexedNotice(kept: number, total: number): string {
	return `partly indexed: first ${count.format(kept)} of ${count.format(total)} passages`;
}

/**
 * Cuts a note's passages (and their ids) to `MAX_PASSAGES_PER_NOTE`; the notice to store with it
 * is undefined when nothing was cut.
 */
export function capPassages<T extends { passages: unknown[]; ids: unknown[] }>(note: T): { note: T; notice?: string } {
	if (note.passages.length <= MAX_PASSAGES_PER_NOTE) return { note };
	const notice = partlyIndexedNotice(MAX_PASSAGES_PER_NOTE, note.passages.length);
	return { note: { ...note, passages: note.passages.slice(0, MAX_PASSAGES_PER_NOTE), ids: note.ids.slice(0, MAX_PASSAGES_PER_NOTE) }, notice };
}
