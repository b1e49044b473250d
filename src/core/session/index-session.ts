import { answerResults } from '../answer/answer-results';
import type { PassageAnswer } from '../answer/types';
import type { Clock } from '../index/clock';
import { Emitter } from '../index/emitter';
import { Indexer } from '../index/indexer';
import type { Exclusions, IndexProgress, IndexReport, IndexStatus, NoteSource, RebuildNotice, VaultFile } from '../index/types';
import { combineFilters, type SearchOptions } from '../search/options';
import { searchWithWords } from '../search/keyword-fallback';
import { LexicalIndex } from '../search/lexical-index';
import { relatedNotes, type SearchOutcome } from '../search/query';
import { SearchIndex } from '../search/search-index';
import type { SearchResult } from '../search/types';
import { expectedMeta } from '../store/model-key';
import { readStore, type StoreContents } from '../store/read-store';
import type { VectorStore } from '../store/types';
import type { EngineHandle } from './engine-handle';

export interface SessionParts {
	engine: EngineHandle;
	/** Owned by the session from here on: `dispose` closes it. */
	store: VectorStore;
	source: NoteSource;
	/** Default: the config folder `.obsidian/` and `*.excalidraw.md`. */
	exclusions?: Exclusions;
	clock?: Clock;
	/** Quiet time after an edit before the note is re-indexed (the indexer's debounce). */
	debounceMs?: number;
}

export interface SessionEvents {
	progress: IndexProgress;
	/** The search index changed (records written, removed, renamed, or the index cleared). */
	change: undefined;
	/** Stored vectors of another model, chunking or schema were dropped; every note is embedded again. */
	rebuild: RebuildNotice;
	/** A background update failed, or a stored record could not be made searchable. */
	error: Error;
}

/**
 * Opens a session: the store is checked against the model and read once (`readStore`), its
 * records become the search index, the keyword index (from their passage texts) and the
 * indexer's knowledge of what is stored.
 */
export async function openSession(parts: SessionParts): Promise<IndexSession> {
	const want = expectedMeta(parts.engine.embedder.modelKey);
	const opened = await readStore(parts.store, want);
	// The keyword index builds in the background: a large vault's takes seconds, which indexing and related notes need not wait for.
	return new IndexSession(parts, opened, LexicalIndex.building(opened.records));
}

/**
 * Everything that belongs to one loaded model: the engine, the store, the indexer writing to the
 * store and the search index kept in step with it. Index changes reach search only through
 * `SearchIndex.apply`. The plugin, the CLI and the browser test all run through this class.
 */
export class IndexSession {
	readonly searchIndex: SearchIndex;
	private indexer: Indexer;
	private readonly events = new Emitter<SessionEvents>();
	private disposed = false;
	/** Stored records the search index could not take, held for the first 'error' listener. */
	private openErrors: Error[] = [];

	constructor(
		private readonly parts: SessionParts,
		opened: StoreContents,
		/** The keyword index, built from `opened` and kept in step with the search index. */
		readonly lexicalIndex: LexicalIndex,
	) {
		this.searchIndex = new SearchIndex(parts.engine.embedder.dim);
		this.indexer = this.newIndexer(opened);
		this.applyOpened(opened);
	}

	get engine(): EngineHandle {
		return this.parts.engine;
	}

	/** Subscribes to 'progress', 'change', 'rebuild' or 'error'; returns the unsubscribe function. */
	on<K extends keyof SessionEvents>(type: K, listener: (event: SessionEvents[K]) => void): () => void {
		const off = this.events.on(type, listener);
		// Found while opening, before anyone could listen: the first 'error' listener hears of them.
		if (type === 'error') for (const error of this.openErrors.splice(0)) this.events.emit('error', error);
		return off;
	}

	get progress(): IndexProgress {
		return this.indexer.progress;
	}

	/** Brings the index in line with the notes, re-embedding only what changed. */
	sync(): Promise<IndexReport> {
		return this.indexer.run();
	}

	/** Drops every stored vector and embeds every note again. */
	async rebuild(): Promise<IndexReport> {
		// A fresh indexer: the old one remembers what the store held before it was cleared.
		this.indexer.dispose();
		await this.parts.store.clear();
		this.searchIndex.clear();
		this.lexicalIndex.clear();
		this.events.emit('change', undefined);
		this.indexer = this.newIndexer(undefined);
		return this.indexer.run();
	}

	/**
	 * Notes whose best passage matches `query`, without excluded notes, and apart from them the
	 * notes below the threshold that contain the query's rare words (`containsWords`).
	 */
	async search(query: string, options: SearchOptions): Promise<SearchOutcome> {
		// Only the first searches after opening a large vault wait here, for the keyword index's build.
		await this.lexicalIndex.ready;
		return searchWithWords(this.parts.engine.embedder, this.searchIndex, this.lexicalIndex, query, this.withExclusions(options));
	}

	/**
	 * The one or two sentences of `result`'s passage closest to `query` (the vector `search`
	 * returned), from the note as it is now. Rows ask one at a time, so a new query never waits
	 * for more than one row's answer.
	 */
	async answer(query: Float32Array, result: SearchResult): Promise<PassageAnswer | undefined> {
		const markdown = await this.parts.source.read(result.path);
		return this.parts.engine.answer(query, { markdown, start: result.start, end: result.end });
	}

	/** A search's results with their answers, found one after the other (the CLI, the API). */
	async withAnswers(outcome: SearchOutcome): Promise<SearchOutcome> {
		const { query } = outcome;
		if (query === undefined) return outcome;
		return { ...outcome, results: await answerResults(outcome.results, query, (q, r) => this.answer(q, r)) };
	}

	/** Notes similar to the note at `path`, never the note itself. */
	related(path: string, options: SearchOptions): SearchOutcome {
		return relatedNotes(this.searchIndex, path, this.withExclusions(options));
	}

	status(): Promise<IndexStatus> {
		return this.indexer.status();
	}

	pause(): void {
		this.indexer.pause();
	}

	resume(): void {
		this.indexer.resume();
	}

	cancel(): void {
		this.indexer.cancel();
	}

	/** A note was created or its content changed (debounced). */
	noteChanged(file: VaultFile): void {
		this.indexer.noteChanged(file);
	}

	noteDeleted(path: string): Promise<void> {
		return this.indexer.noteDeleted(path);
	}

	noteRenamed(from: string, file: VaultFile): Promise<void> {
		return this.indexer.noteRenamed(from, file);
	}

	/** New exclusions: excluded notes leave the store and the results at once. */
	setExclusions(exclusions: Exclusions): Promise<string[]> {
		return this.indexer.setExclusions(exclusions);
	}

	/** Runs pending edits now and waits for all queued work (tests, CLI). */
	flush(): Promise<void> {
		return this.indexer.flush();
	}

	/** Stops indexing, frees the model and closes the store. */
	async dispose(): Promise<void> {
		if (this.disposed) return;
		this.disposed = true;
		this.indexer.dispose();
		this.events.clear();
		try {
			await this.parts.engine.dispose();
		} finally {
			await this.parts.store.close();
		}
	}

	private withExclusions(options: SearchOptions): SearchOptions {
		return { ...options, exclude: combineFilters(options.exclude, (path) => this.indexer.isExcluded(path)) };
	}

	private newIndexer(opened: StoreContents | undefined): Indexer {
		const { engine, store, source, exclusions, clock, debounceMs } = this.parts;
		const indexer = new Indexer({ source, store, embedder: engine.embedder, windows: engine.windows, parallelWindows: engine.parallelWindows, exclusions, clock, debounceMs, opened });
		indexer.on('progress', (p) => this.events.emit('progress', p));
		indexer.on('rebuild', (notice) => this.events.emit('rebuild', notice));
		indexer.on('error', (error) => this.events.emit('error', error));
		indexer.on('records', (change) => {
			this.lexicalIndex.apply(change);
			for (const { path, error } of this.searchIndex.apply(change)) this.events.emit('error', new Error(`${path} is not searchable: ${error.message}`));
			this.events.emit('change', undefined);
		});
		return indexer;
	}

	/** The stored records, in one change so the matrix is allocated once; a bad record is reported, not fatal. */
	private applyOpened(opened: StoreContents): void {
		const rejected = this.searchIndex.apply({ upserted: opened.records, removed: [], renamed: [], reset: false });
		this.openErrors = rejected.map(({ path, error }) => new Error(`${path} is not searchable: ${error.message}`));
	}
}
