import { Notice, type App } from 'obsidian';
import type { Clock } from '../../core/index/clock';
import { createExclusions } from '../../core/index/exclusions';
import { Indexer } from '../../core/index/indexer';
import type { IndexProgress, RebuildNotice, RecordsChange } from '../../core/index/types';
import type { VectorStore } from '../../core/store/types';
import type { SearchIndex } from '../../core/search/search-index';
import type { EngineHandle } from './engine-loader';
import { isModelUnavailable } from './errors';
import { ObsidianNoteSource } from './note-source';
import { exclusionPatterns, type SemanticSearchSettings } from './settings';

/**
 * The indexer's edit-debounce timers on Obsidian's main window: the indexer lives as long as the
 * plugin, so its timers must not belong to a popout window that may close first.
 */
const windowClock: Clock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => window.setTimeout(fn, ms),
	clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/**
 * Why every note is embedded again, in the user's words. Sent when the indexer found vectors made
 * by another model, dtype, chunking or schema and cleared them (not for a user-requested reindex).
 */
function rebuildNoticeText(notice: RebuildNotice): string {
	const why =
		notice.reason === 'model-changed'
			? 'the model or its settings changed'
			: notice.reason === 'schema-changed'
				? 'the plugin now stores its index in a new format'
				: 'the stored index could not be matched to the model';
	return `Semantic note search: ${why}, so every note is being indexed again.`;
}

/** What the runtime does with the indexer's events. */
export interface IndexerHooks {
	onProgress(progress: IndexProgress): void;
	/** The search index took the change: open views refresh. */
	onRecordsApplied(): void;
	/** The model could not be loaded (the plugin reports it once, as a notice). */
	onModelError(error: unknown): void;
	/** Any background failure: the runtime drops the engine if the failure broke it. */
	onBackgroundError(error: unknown): void;
	/** No rebuild notice after unload: the user did not ask for one and nothing is indexed. */
	isDisposed(): boolean;
}

export interface IndexerParts {
	app: App;
	engine: EngineHandle;
	store: VectorStore;
	searchIndex: SearchIndex;
	settings: SemanticSearchSettings;
	editDebounceMs?: number;
}

/** An indexer over the vault whose records keep `searchIndex` current and whose events reach `hooks`. */
export function wiredIndexer(parts: IndexerParts, hooks: IndexerHooks): Indexer {
	const indexer = new Indexer({
		source: new ObsidianNoteSource(parts.app.vault),
		store: parts.store,
		embedder: parts.engine.embedder,
		chunk: parts.engine.chunk,
		exclusions: createExclusions(exclusionPatterns(parts.settings)),
		clock: windowClock,
		debounceMs: parts.editDebounceMs,
	});
	indexer.on('progress', (p) => hooks.onProgress(p));
	indexer.on('records', (change) => {
		applyRecords(parts.searchIndex, change);
		hooks.onRecordsApplied();
	});
	indexer.on('rebuild', (notice) => {
		if (!hooks.isDisposed()) new Notice(rebuildNoticeText(notice));
	});
	indexer.on('error', (error) => {
		console.error('Semantic note search: background update failed', error);
		if (isModelUnavailable(error)) hooks.onModelError(error);
		hooks.onBackgroundError(error);
	});
	return indexer;
}

function applyRecords(searchIndex: SearchIndex, change: RecordsChange): void {
	if (change.reset) searchIndex.clear();
	for (const path of change.removed) searchIndex.remove(path);
	for (const [from, to] of change.renamed) searchIndex.rename(from, to);
	for (const record of change.upserted) {
		try {
			searchIndex.upsert(record);
		} catch (error) {
			// One bad record (e.g. a wrong width) must not keep the rest of the change out of search.
			console.error('Semantic note search: record not searchable', record.path, error);
		}
	}
}
