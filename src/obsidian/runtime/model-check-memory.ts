import type { App } from 'obsidian';
import type { ModelCheckMemory, ModelCheckRecord } from './model-check';

function isRecord(value: unknown): value is ModelCheckRecord {
	if (typeof value !== 'object' || value === null) return false;
	const { check, usedAnyway } = value as Partial<ModelCheckRecord>;
	return typeof usedAnyway === 'boolean' && typeof check === 'object' && check !== null && typeof check.ok === 'boolean' && typeof check.passed === 'number' && typeof check.total === 'number';
}

/**
 * Model checks in the vault's local storage, one entry per model key (weights' sha256 and dtype):
 * a check reruns only for new model files, and a choice to use a failing model anyway is kept for
 * exactly those files. Anything unreadable there counts as never checked.
 */
export function localModelChecks(app: App, pluginId: string): ModelCheckMemory {
	const key = (modelKey: string) => `${pluginId}:model-check:${modelKey}`;
	return {
		get: (modelKey) => {
			const stored: unknown = app.loadLocalStorage(key(modelKey));
			return isRecord(stored) ? stored : undefined;
		},
		set: (modelKey, record) => app.saveLocalStorage(key(modelKey), record),
	};
}
