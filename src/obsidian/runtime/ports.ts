/**
 * What the Obsidian UI needs from the index and the search, kept small so the views and modals
 * can be tested with fakes and do not depend on how the core wires its indexer, store and worker.
 */
import type { App } from 'obsidian';
import type { PassageAnswer } from '../../core/answer/types';
import type { IndexProgress, IndexReport, IndexStatus } from '../../core/index/types';
import type { WordMatch } from '../../core/search/lexical-index';
import type { EmptyReason } from '../../core/search/query';
import type { SearchResult } from '../../core/search/types';
import type { ModelCheckMemory } from './model-check';
import type { SemanticSearchSettings } from './settings';

export interface SearchAnswer {
	results: SearchResult[];
	/** Set exactly when `results` is empty: why, for the empty-state message. */
	reason?: EmptyReason;
	/** Search only: notes below the threshold holding the query's rare words, shown apart as "Contains your words". */
	containsWords?: WordMatch[];
	/** The query's embedding (searches only): what `SearchPort.findAnswer` compares sentences with. */
	query?: Float32Array;
}

/** Per-call replacements for the "Maximum results" and threshold settings. */
export interface ResultOverrides {
	limit?: number;
	threshold?: number;
}

export interface SearchPort {
	/** `overrides` replace the user's settings for this call (the API for other plugins passes them). */
	search(query: string, overrides?: ResultOverrides): Promise<SearchAnswer>;
	related(path: string, overrides?: ResultOverrides): Promise<SearchAnswer>;
	/** The sentences of a search result's passage closest to the query (`SearchAnswer.query`); absent where answers are not offered. */
	findAnswer?(query: Float32Array, result: SearchResult): Promise<PassageAnswer | undefined>;
	/** The threshold currently applied, quoted in "nothing similar enough" messages. */
	readonly threshold: number;
}

/** The core's index status plus what the status modal shows about runs. */
export interface PluginIndexStatus extends IndexStatus {
	progress: IndexProgress;
	/** The last finished run, if any. */
	lastReport?: IndexReport;
	/** Set when the model could not be loaded: what the user must do. */
	modelProblem?: string;
}

export interface IndexPort {
	progress(): IndexProgress;
	/** Calls `listener` on every progress change; returns the unsubscribe function. */
	onProgress(listener: (progress: IndexProgress) => void): () => void;
	status(): Promise<PluginIndexStatus>;
	pause(): void;
	resume(): void;
	cancel(): void;
	/** Brings the index in line with the vault, re-embedding only what changed. */
	sync(): Promise<IndexReport>;
	/** Drops every stored vector and embeds the whole vault again. */
	rebuild(): Promise<IndexReport>;
	/** A note was created or its content changed. */
	changed(path: string): void;
	deleted(path: string): void;
	/** A folder was deleted: every note indexed under it goes, whether or not each got its own event. */
	folderDeleted(path: string): void;
	renamed(from: string, to: string): void;
}

/** Keeps the related view current: fires after the index changed. */
export interface RelatedSource extends SearchPort {
	onIndexChange(listener: () => void): () => void;
}

/** Index + search for one vault, with the model, store and worker behind them. */
export interface Runtime {
	readonly index: IndexPort;
	readonly search: RelatedSource;
	/** What the user must do to make the model available, once loading it failed. */
	modelProblem(): string | undefined;
	/** Resolves once the model is loaded and the index has caught up with the vault. */
	ready(): Promise<void>;
	/**
	 * The loaded model's check against Python (a line for the UI), whether it holds indexing back,
	 * and the compute device it runs on (with why not WebGPU, when WebGPU was allowed).
	 */
	modelCheck(): { line: string | undefined; blocking: boolean; device?: string };
	/** Indexes with a model that failed its check, remembered for those model files; then syncs. */
	useModelAnyway(): Promise<IndexReport>;
	/** Settings changed: reload the model or apply exclusions when needed, refresh open views. */
	settingsChanged(): void;
	/** Stops indexing, terminates the worker and closes the store. */
	dispose(): Promise<void>;
}

export interface RuntimeContext {
	app: App;
	/** The plugin's folder (manifest.dir), vault-relative: downloaded model files are cached inside it. */
	pluginDir: string;
	/** Aborted when the plugin unloads: a model download in progress stops. */
	signal: AbortSignal;
	/** The current settings, read at each use so changes apply without rebuilding the runtime. */
	settings(): SemanticSearchSettings;
	/** Results of the model check per model files, kept across restarts. */
	modelChecks: ModelCheckMemory;
	/** The model could not be loaded when searching (indexing jobs report their own errors). */
	onModelError(error: unknown): void;
}

export type RuntimeFactory = (context: RuntimeContext) => Runtime;
