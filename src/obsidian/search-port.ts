import type { Indexer } from '../core/index/indexer';
import { userCalibration, type CalibrationUse } from '../core/search/calibration';
import type { SearchOptions } from '../core/search/options';
import { relatedNotes, searchText } from '../core/search/query';
import type { SearchIndex } from '../core/search/search-index';
import type { EngineHandle } from './engine-loader';
import { userMessage } from './errors';
import type { RelatedSource, SearchAnswer } from './ports';
import type { SemanticSearchSettings } from './settings';

/** What a search runs on once the model is loaded. */
export interface Searchable {
	engine: EngineHandle;
	indexer: Indexer;
	searchIndex: SearchIndex;
}

export interface SearchDeps {
	settings(): SemanticSearchSettings;
	/** Loads the model if needed; the index catches up in the background. */
	ready(): Promise<Searchable>;
	/** The query embedding failed with `ready`: drop that engine unless it was already replaced. */
	dropEngine(ready: Searchable): void;
	onIndexChange(listener: () => void): () => void;
}

function searchOptions(settings: SemanticSearchSettings, indexer: Indexer, use: CalibrationUse): SearchOptions {
	return {
		limit: settings.maxResults,
		// The setting is the search threshold; related notes keep their calibrated offset from it.
		calibration: userCalibration(use, settings.threshold),
		exclude: (path) => indexer.isExcluded(path),
	};
}

/** The search modal's and related view's port; settings are read per query so changes apply at once. */
export function searchPort(deps: SearchDeps): RelatedSource {
	return {
		get threshold() {
			return deps.settings().threshold;
		},
		search: async (query): Promise<SearchAnswer> => {
			const ready = await deps.ready();
			try {
				return await searchText(ready.engine.embedder, ready.searchIndex, query, searchOptions(deps.settings(), ready.indexer, 'search'));
			} catch (error) {
				// The query embedding failed: most likely the worker died. Start a fresh one next time.
				console.error('Semantic note search: search failed', error);
				deps.dropEngine(ready);
				throw new Error(`Search failed (${userMessage(error)}). The model is reloaded on the next search.`);
			}
		},
		related: async (path): Promise<SearchAnswer> => {
			const ready = await deps.ready();
			return relatedNotes(ready.searchIndex, path, searchOptions(deps.settings(), ready.indexer, 'related'));
		},
		onIndexChange: (listener) => deps.onIndexChange(listener),
	};
}
