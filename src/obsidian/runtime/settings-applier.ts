import type { Runtime } from './ports';
import type { SemanticSearchSettings } from './settings';
import { settingsChange } from './settings-change';

/** Settings are applied this long after the last change. */
const APPLY_SETTINGS_MS = 1000;

/**
 * Applies saved settings to the runtime once the user stops typing or dragging: a model reload or
 * re-sync per keystroke would thrash. A sync is owed if any change in the burst needs one.
 */
export class SettingsApplier {
	private timer: number | undefined;
	private syncOwed = false;

	constructor(
		private readonly runtime: () => Runtime | null,
		/** Re-syncs the index (through the plugin's job queue, so runs never overlap). */
		private readonly sync: (runtime: Runtime) => void,
	) {}

	changed(before: SemanticSearchSettings, after: SemanticSearchSettings): void {
		if (settingsChange(before, after).sync) this.syncOwed = true;
		window.clearTimeout(this.timer);
		this.timer = window.setTimeout(() => {
			const runtime = this.runtime();
			if (!runtime) return;
			runtime.settingsChanged();
			if (!this.syncOwed) return;
			this.syncOwed = false;
			this.sync(runtime);
		}, APPLY_SETTINGS_MS);
	}

	/** No apply after unload. */
	stop(): void {
		window.clearTimeout(this.timer);
	}
}
