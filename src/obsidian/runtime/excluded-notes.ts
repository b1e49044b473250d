import { createExclusions } from '../../core/index/exclusions';
import type { Exclusions } from '../../core/index/types';
import { exclusionPatterns, type SemanticSearchSettings } from './settings';

/** Whether the current settings keep a note out of the index; the patterns are compiled again only when they change. */
export function excludedBySettings(settings: () => SemanticSearchSettings): (path: string) => boolean {
	let key: string | undefined;
	let exclusions: Exclusions | undefined;
	return (path) => {
		const patterns = exclusionPatterns(settings());
		const patternsKey = patterns.join('\n');
		if (exclusions === undefined || patternsKey !== key) {
			key = patternsKey;
			exclusions = createExclusions(patterns);
		}
		return exclusions.isExcluded(path);
	};
}
