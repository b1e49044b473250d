import { userCalibration, type CalibrationUse } from '../../core/search/calibration';
import type { SearchOptions } from '../../core/search/options';
import { hasFilters, parseQuery, passesFilters } from '../../core/search/query-syntax';
import { userMessage } from './errors';
import type { LazySession } from './lazy-session';
import type { RelatedSource, ResultOverrides, SearchAnswer } from './ports';
import type { SemanticSearchSettings } from './settings';

function searchOptions(settings: SemanticSearchSettings, use: CalibrationUse, overrides: ResultOverrides = {}): SearchOptions {
	// The setting is the search threshold; related notes keep their calibrated offset from it.
	const calibration = userCalibration(use, settings.threshold);
	const threshold = overrides.threshold ?? calibration.threshold;
	return {
		limit: overrides.limit ?? settings.maxResults,
		calibration: { threshold, strong: Math.max(calibration.strong, threshold) },
	};
}

/**
 * The search modal's and related view's port; settings are read per query so changes apply at once.
 * A query's `path:` and `tag:` terms restrict the candidates before ranking; the rest is embedded.
 */
export function searchPort(
	lazy: LazySession,
	settings: () => SemanticSearchSettings,
	tagsOf: (path: string) => readonly string[],
	linkedTo: (path: string) => ReadonlySet<string>,
): RelatedSource {
	return {
		get threshold() {
			return settings().threshold;
		},
		search: async (query, overrides): Promise<SearchAnswer> => {
			const session = await lazy.get(false);
			try {
				const parsed = parseQuery(query);
				const options = searchOptions(settings(), 'search', overrides);
				const filtered = hasFilters(parsed) ? { ...options, exclude: (path: string) => !passesFilters(parsed, path, tagsOf) } : options;
				return await session.search(parsed.text, filtered);
			} catch (error) {
				// The query embedding failed: most likely the worker died. Start a fresh one next time.
				console.error('Semantic note search: search failed', error);
				lazy.dropAfterFailure(session);
				throw new Error(`Search failed (${userMessage(error)}). The model is reloaded on the next search.`);
			}
		},
		related: async (path, overrides): Promise<SearchAnswer> => {
			const session = await lazy.get(false);
			const options = searchOptions(settings(), 'related', overrides);
			// "Hide notes already linked": links in either direction, read when the list is built.
			return session.related(path, settings().hideLinked ? { ...options, exclude: linkedTo(path) } : options);
		},
		findAnswer: async (query, result) => (await lazy.get(false)).answer(query, result),
		onIndexChange: (listener) => lazy.onChange(listener),
	};
}
