import { userCalibration, type CalibrationUse } from '../../core/search/calibration';
import type { SearchOptions } from '../../core/search/options';
import { userMessage } from './errors';
import type { LazySession } from './lazy-session';
import type { RelatedSource, SearchAnswer } from './ports';
import type { SemanticSearchSettings } from './settings';

function searchOptions(settings: SemanticSearchSettings, use: CalibrationUse): SearchOptions {
	return {
		limit: settings.maxResults,
		// The setting is the search threshold; related notes keep their calibrated offset from it.
		calibration: userCalibration(use, settings.threshold),
	};
}

/** The search modal's and related view's port; settings are read per query so changes apply at once. */
export function searchPort(lazy: LazySession, settings: () => SemanticSearchSettings): RelatedSource {
	return {
		get threshold() {
			return settings().threshold;
		},
		search: async (query): Promise<SearchAnswer> => {
			const session = await lazy.get(false);
			try {
				return await session.search(query, searchOptions(settings(), 'search'));
			} catch (error) {
				// The query embedding failed: most likely the worker died. Start a fresh one next time.
				console.error('Semantic note search: search failed', error);
				lazy.dropAfterFailure(session);
				throw new Error(`Search failed (${userMessage(error)}). The model is reloaded on the next search.`);
			}
		},
		related: async (path): Promise<SearchAnswer> => (await lazy.get(false)).related(path, searchOptions(settings(), 'related')),
		onIndexChange: (listener) => lazy.onChange(listener),
	};
}
