import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import type { RecordsChange } from '../index/types';
import type { NoteRecord, StoredPassage } from '../store/types';
import { isExcluded, type PathFilter } from './options';
import { rareWords } from './rare-words';

/** A note that contains the query's rare words, shown under "Contains your words". */
export interface WordMatch {
	path: string;
	/** The query's rare words that the note contains, lower-case, in query order. */
	words: string[];
	/** BM25 score of the shown passage (MiniSearch's): orders the section, not comparable to cosines. */
	score: number;
	/** The passage with the most weight of those words: where the note opens. */
	heading: string;
	snippet: string;
	start: number;
	end: number;
}

export interface WordMatchOptions {
	limit: number;
	/** Paths to leave out: exclusions, `path:`/`tag:` filters. */
	exclude?: PathFilter;
	/** Paths never returned (the current note, notes already in the semantic list). */
	skip?: (path: string) => boolean;
}

interface NoteWords {
	path: string;
	passages: readonly StoredPassage[];
	/** MiniSearch document id of passage i. */
	ids: number[];
}

interface PassageDoc {
	id: number;
	text: string;
}

/** Documents added per step when building from stored records, so a large vault does not block the UI. */
const BUILD_CHUNK = 200;

function newMiniSearch(): MiniSearch<PassageDoc> {
	// Default tokenizer (Unicode spaces and punctuation) and lower-casing; exact words, no stemming,
	// so the section keeps its promise: the note contains the words as typed.
	return new MiniSearch<PassageDoc>({ fields: ['text'], storeFields: [] });
}

/** The words of a query as the index splits and normalises them, each once, in query order. */
export function queryWords(text: string): string[] {
	const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
	const process = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined | false;
	const out: string[] = [];
	for (const token of tokenize(text)) {
		const word = process(token);
		if (typeof word === 'string' && word !== '' && !out.includes(word)) out.push(word);
	}
	return out;
}

/**
 * The keyword index: every passage's words in MiniSearch (BM25), kept current from the same
 * `RecordsChange`s as the vector index. Words come from the records (`NoteRecord.texts`, the
 * passage texts as embedded), which the store keeps with the vectors: a restart rebuilds this index
 * from the store without reading a note.
 */
export class LexicalIndex {
	private search = newMiniSearch();
	private readonly byPath = new Map<string, NoteWords>();
	private readonly byId = new Map<number, { note: NoteWords; passage: number }>();
	private nextId = 0;
	/** Changes that arrived while the stored records were still being added, applied in order once they are. */
	private queued: RecordsChange[] | undefined;
	/** Resolves once every stored record given to `building` is searchable. */
	ready: Promise<void> = Promise.resolve();

	/**
	 * Starts building the index from stored records, in steps that yield to the event loop (a large
	 * vault takes seconds: docs/BENCHMARKS.md), and returns it at once: changes queue until
	 * `ready`, so opening a session, indexing and related notes need not wait for it.
	 */
	static building(records: readonly NoteRecord[]): LexicalIndex {
		const index = new LexicalIndex();
		const docs: PassageDoc[] = [];
		for (const record of records) docs.push(...index.register(record));
		index.queued = [];
		index.ready = index.search.addAllAsync(docs, { chunkSize: BUILD_CHUNK }).then(() => {
			const queued = index.queued ?? [];
			index.queued = undefined;
			for (const change of queued) index.apply(change);
		});
		return index;
	}

	/** The index of these records, once built. */
	static async fromRecords(records: readonly NoteRecord[]): Promise<LexicalIndex> {
		const index = LexicalIndex.building(records);
		await index.ready;
		return index;
	}

	/** Notes with at least one passage in the index. */
	get noteCount(): number {
		return this.byPath.size;
	}

	get passageCount(): number {
		return this.byId.size;
	}

	has(path: string): boolean {
		return this.byPath.has(path);
	}

	/** Applies a store change in the store's order: reset, removals, renames, upserts. */
	apply(change: RecordsChange): void {
		if (this.queued) {
			this.queued.push(change);
			return;
		}
		if (change.reset) this.clear();
		for (const path of change.removed) this.remove(path);
		for (const [from, to] of change.renamed) this.rename(from, to);
		for (const record of change.upserted) this.upsert(record);
	}

	/** Adds or replaces a note's passages; a record without texts (or passages) leaves the note out. Call once `ready`. */
	upsert(record: NoteRecord): void {
		this.remove(record.path);
		this.search.addAll(this.register(record));
	}

	remove(path: string): void {
		const note = this.byPath.get(path);
		if (!note) return;
		this.byPath.delete(path);
		for (const id of note.ids) {
			this.byId.delete(id);
			// discard needs no copy of the text; MiniSearch cleans up its postings in the background.
			this.search.discard(id);
		}
	}

	rename(from: string, to: string): void {
		const note = this.byPath.get(from);
		if (!note || from === to) return;
		this.remove(to);
		this.byPath.delete(from);
		note.path = to;
		this.byPath.set(to, note);
	}

	/** Empties the index; a build still running goes on into the discarded MiniSearch, changes still queue until it ends. */
	clear(): void {
		if (this.queued) this.queued.length = 0;
		this.search = newMiniSearch();
		this.byPath.clear();
		this.byId.clear();
	}

	/**
	 * Notes containing rare words of `text` (rare: see `rareWords`), ranked by the BM25 score of
	 * their best passage for those words, ties by path. None when the query has no rare word.
	 */
	matches(text: string, options: WordMatchOptions): WordMatch[] {
		const limit = Math.floor(options.limit);
		const words = queryWords(text);
		if (!(limit > 0) || words.length === 0 || this.byId.size === 0) return [];
		const rare = rareWords(words, new Map(words.map((w) => [w, this.passagesWith(w)])), this.byId.size);
		if (rare.length === 0) return [];

		const out: WordMatch[] = [];
		// Scored on the rare words alone: a common word of the query must not lift a note.
		for (const [note, { words: present, best }] of this.notesHolding(rare)) {
			if (isExcluded(options.exclude, note.path) || options.skip?.(note.path)) continue;
			const passage = note.passages[(this.byId.get(best.id as number) as { passage: number }).passage];
			const held = rare.filter((w) => present.has(w));
			out.push({ path: note.path, words: held, score: best.score, heading: passage.heading, snippet: passage.snippet, start: passage.start, end: passage.end });
		}
		out.sort((a, b) => (a.score !== b.score ? b.score - a.score : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		return out.slice(0, limit);
	}

	/**
	 * How many passages hold `word`: the length of its posting list. MiniSearch has no public call
	 * for it, and searching a word to count its hits scores every passage that holds it: for "the"
	 * in a 10k-note vault that is 30,000 results built and sorted on each keystroke. The map read
	 * here is MiniSearch's own index (pinned at 7.2.0; tests/core/search/lexical-index.test.ts
	 * checks the count). Passages discarded but not yet vacuumed still count, which only errs
	 * towards calling a word common.
	 */
	private passagesWith(word: string): number {
		const postings = (this.search as unknown as { _index: { get(term: string): Map<number, Map<number, number>> | undefined } })._index.get(word);
		let count = 0;
		for (const docs of postings?.values() ?? []) count += docs.size;
		return count;
	}

	/** The notes whose passages hold any of `words` (exact, case-folded): which ones, and the best-scoring passage. */
	private notesHolding(words: readonly string[]): Map<NoteWords, { words: Set<string>; best: MiniSearchResult }> {
		const found = new Map<NoteWords, { words: Set<string>; best: MiniSearchResult }>();
		for (const hit of this.search.search({ queries: [...words], combineWith: 'OR' }, { prefix: false, fuzzy: false })) {
			const doc = this.byId.get(hit.id as number);
			if (!doc) continue;
			// Hits come best first, so a note's first hit is its best passage.
			const entry = found.get(doc.note) ?? { words: new Set<string>(), best: hit };
			for (const w of hit.queryTerms) entry.words.add(w);
			found.set(doc.note, entry);
		}
		return found;
	}

	/** Takes a note's passages into the maps and returns its documents, not yet added. */
	private register(record: NoteRecord): PassageDoc[] {
		const { texts, passages } = record;
		if (!texts || texts.length === 0 || texts.length !== passages.length) return [];
		const note: NoteWords = { path: record.path, passages, ids: [] };
		const docs = texts.map((text, passage) => {
			const id = this.nextId++;
			note.ids.push(id);
			this.byId.set(id, { note, passage });
			return { id, text };
		});
		this.byPath.set(record.path, note);
		return docs;
	}
}
