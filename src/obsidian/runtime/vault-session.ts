import { Notice, type App } from 'obsidian';
import type { Clock } from '../../core/index/clock';
import { createExclusions } from '../../core/index/exclusions';
import type { RebuildNotice } from '../../core/index/types';
import type { EngineHandle } from '../../core/session/engine-handle';
import { openSession, type IndexSession } from '../../core/session/index-session';
import type { VectorStore } from '../../core/store/types';
import { ObsidianNoteSource } from './note-source';
import { exclusionPatterns, type SemanticSearchSettings } from './settings';

/**
 * The indexer's edit-debounce timers on Obsidian's main window: the session lives as long as the
 * model, so its timers must not belong to a popout window that may close first.
 */
const windowClock: Clock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => window.setTimeout(fn, ms),
	clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/**
 * Why every note is embedded again, in the user's words. Sent when stored vectors made by another
 * model, dtype, chunking or schema were cleared (not for a user-requested reindex).
 */
export function rebuildNoticeText(notice: RebuildNotice): string {
	const why =
		notice.reason === 'model-changed'
			? 'the model or its settings changed'
			: notice.reason === 'schema-changed'
				? 'the plugin now stores its index in a new format'
				: 'the stored index could not be matched to the model';
	return `Semantic note search: ${why}, so every note is being indexed again.`;
}

export interface VaultSessionParts {
	app: App;
	engine: EngineHandle;
	store: VectorStore;
	settings: SemanticSearchSettings;
	editDebounceMs?: number;
}

/** The core session over the vault's markdown notes, with the user's exclusions; says when it rebuilds. */
export async function openVaultSession(parts: VaultSessionParts): Promise<IndexSession> {
	const session = await openSession({
		engine: parts.engine,
		store: parts.store,
		source: new ObsidianNoteSource(parts.app.vault),
		exclusions: createExclusions(exclusionPatterns(parts.settings)),
		clock: windowClock,
		debounceMs: parts.editDebounceMs,
	});
	session.on('rebuild', (notice) => new Notice(rebuildNoticeText(notice)));
	return session;
}
