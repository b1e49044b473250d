import type { SemanticSearchSettings } from './settings';

/** What a settings change requires of the runtime. */
export interface SettingsChange {
	/** Another model (folder, download permission, precision) or compute device: drop the loaded one. */
	reloadModel: boolean;
	/** Other notes are left out: apply the new exclusions to the index. */
	exclusions: boolean;
	/** The index must be brought in line with the vault afterwards. */
	sync: boolean;
}

/**
 * The one place that says what each setting affects. Threshold, result count and hiding linked notes need none of
 * this: they apply to the next search (open views refresh after any change).
 */
export function settingsChange(before: SemanticSearchSettings, after: SemanticSearchSettings): SettingsChange {
	const reloadModel =
		before.modelFolder !== after.modelFolder || before.allowDownload !== after.allowDownload || before.dtype !== after.dtype ||
		// Another device reloads the model but keeps the index: its vectors agree with WASM's (docs/WEBGPU.md).
		before.computeDevice !== after.computeDevice;
	const exclusions = before.exclusions !== after.exclusions || before.onlyFolders !== after.onlyFolders;
	return { reloadModel, exclusions, sync: reloadModel || exclusions };
}
