import type { Tokenizer } from '../../src/core/embedding/types';
import type { CalibrationSet } from '../../src/core/fixtures/calibration-set';
import { normaliseQuery } from '../../src/core/search/query';
import { chunkNote } from '../../src/core/text/chunker';

/** Exactly what the plugin embeds for the calibration set. */
export interface EmbeddedTexts {
	/** Each note's passages, as the plugin's chunker emits them (title with the first passage). */
	notes: Record<string, string[]>;
	/** Each query as `searchText` passes it to the embedder. */
	queries: Record<string, string>;
}

/**
 * The texts both sides embed: reference/score_calibration.py (through scripts/calibration-texts.mjs)
 * and the real-model calibration test, so Python and our engine see the same strings.
 */
export function embeddedTexts(set: CalibrationSet, tokenizer: Tokenizer): EmbeddedTexts {
	const notes: Record<string, string[]> = {};
	for (const n of set.notes) {
		notes[n.id] = chunkNote({ path: `${n.topic}/${n.title}.md`, title: n.title, markdown: n.markdown }, tokenizer).map((p) => p.text);
	}
	const queries: Record<string, string> = {};
	for (const q of set.queries) queries[q.id] = normaliseQuery(q.text) ?? '';
	return { notes, queries };
}
