import { describe, expect, it } from 'vitest';
import { defaultSettings, type SemanticSearchSettings } from '../../../src/obsidian/runtime/settings';
import { settingsChange } from '../../../src/obsidian/runtime/settings-change';

const before = defaultSettings('.obsidian');
const after = (patch: Partial<SemanticSearchSettings>) => settingsChange(before, { ...before, ...patch });

describe('settingsChange', () => {
	it.each([{ modelFolder: '/models/minilm' }, { allowDownload: true }, { dtype: 'q8' as const }, { computeDevice: 'wasm' as const }])('reloads the model and syncs after %o', (patch) => {
		expect(after(patch)).toEqual({ reloadModel: true, exclusions: false, sync: true });
	});

	it('applies new exclusions and syncs, keeping the model', () => {
		expect(after({ exclusions: 'Private/' })).toEqual({ reloadModel: false, exclusions: true, sync: true });
		expect(after({ onlyFolders: 'Projects/' })).toEqual({ reloadModel: false, exclusions: true, sync: true });
	});

	it.each([{ threshold: 0.5 }, { maxResults: 5 }, { indexOnStartup: false }])('needs nothing for %o (it applies to the next search or start-up)', (patch) => {
		expect(after(patch)).toEqual({ reloadModel: false, exclusions: false, sync: false });
	});
});
