import type { Dtype } from '../../core/embedding/types';
import { DEFAULT_CALIBRATION } from '../../core/search/calibration';
import { MAX_POOL_SIZE } from '../../worker/pool-size';

export interface SemanticSearchSettings {
	/** Absolute path of a folder holding the model files; empty when none was set. */
	modelFolder: string;
	/** Off by default: the plugin never touches the network unless the user opts in. */
	allowDownload: boolean;
	dtype: Dtype;
	/** Minimum cosine similarity for a note to be shown. */
	threshold: number;
	/** How many notes the search modal and the related view list at most. */
	maxResults: number;
	/** One folder or glob per line; matching notes are never read or embedded. */
	exclusions: string;
	/** One folder per line; when any is given, only notes under them are indexed. */
	onlyFolders: string;
	indexOnStartup: boolean;
	/** The related view leaves out notes that already link to or from the current one. */
	hideLinked: boolean;
	/** Embedding workers while indexing, 1–8; 0 is automatic (half the cores, at most 3). */
	indexingThreads: number;
}

/** Built per vault because the config folder is configurable (`Vault#configDir`). */
export function defaultSettings(configDir: string): SemanticSearchSettings {
	return {
		modelFolder: '',
		allowDownload: false,
		dtype: 'fp32',
		threshold: DEFAULT_CALIBRATION.threshold,
		maxResults: 20,
		exclusions: `${configDir}/\n*.excalidraw.md`,
		onlyFolders: '',
		indexOnStartup: true,
		hideLinked: false,
		indexingThreads: 0,
	};
}

export const MAX_RESULTS_LIMIT = 100;

/**
 * Settings from `data.json`, field by field: a hand-edited or older file with a missing or
 * mistyped value falls back to the default for that field instead of breaking the plugin.
 */
export function parseSettings(data: unknown, configDir: string): SemanticSearchSettings {
	const d = defaultSettings(configDir);
	if (typeof data !== 'object' || data === null) return d;
	const raw = data as Record<string, unknown>;
	const str = (k: keyof SemanticSearchSettings, fallback: string) => (typeof raw[k] === 'string' ? raw[k] : fallback);
	const bool = (k: keyof SemanticSearchSettings, fallback: boolean) => (typeof raw[k] === 'boolean' ? raw[k] : fallback);
	const num = (k: keyof SemanticSearchSettings, fallback: number, min: number, max: number) => {
		const v = raw[k];
		return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
	};
	return {
		modelFolder: str('modelFolder', d.modelFolder).trim(),
		allowDownload: bool('allowDownload', d.allowDownload),
		dtype: raw.dtype === 'q8' || raw.dtype === 'fp32' ? raw.dtype : d.dtype,
		threshold: num('threshold', d.threshold, -1, 1),
		maxResults: Math.round(num('maxResults', d.maxResults, 1, MAX_RESULTS_LIMIT)),
		exclusions: str('exclusions', d.exclusions),
		onlyFolders: str('onlyFolders', d.onlyFolders),
		indexOnStartup: bool('indexOnStartup', d.indexOnStartup),
		hideLinked: bool('hideLinked', d.hideLinked),
		indexingThreads: Math.round(num('indexingThreads', d.indexingThreads, 0, MAX_POOL_SIZE)),
	};
}

/**
 * The exclusion lines that mean something (trimmed, without blanks and `#` comments), then each
 * "only index" folder as a keep line (`!Folder/`, see the core's createExclusions).
 */
export function exclusionPatterns(settings: Pick<SemanticSearchSettings, 'exclusions' | 'onlyFolders'>): string[] {
	const lines = (text: string) =>
		text
			.split('\n')
			.map((l) => l.trim())
			.filter((l) => l !== '' && !l.startsWith('#'));
	return [...lines(settings.exclusions), ...lines(settings.onlyFolders).map((folder) => `!${folder.replace(/^\/+|\/+$/g, '')}/`)];
}
