import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION } from '../../../src/core/search/calibration';
import { defaultSettings, exclusionPatterns, parseSettings, type SemanticSearchSettings } from '../../../src/obsidian/runtime/settings';
import { SemanticSearchSettingTab, type SettingsHost } from '../../../src/obsidian/ui/settings-tab';
import { asApp, asPlugin, hostPlugin } from '../../helpers/obsidian-harness';
import { ButtonComponent, DropdownComponent, ExtraButtonComponent, SliderComponent, TextAreaComponent, TextComponent, ToggleComponent } from '../../shims/obsidian';

class Host implements SettingsHost {
	settings: SemanticSearchSettings = defaultSettings('.obsidian');
	reindexRequests = 0;
	modelCacheFolder = '.obsidian/plugins/semantic-note-search/models';
	problem: string | undefined;
	modelProblem(): string | undefined {
		return this.problem;
	}
	check: string | undefined;
	modelCheck(): string | undefined {
		return this.check;
	}
	updateSettings(patch: Partial<SemanticSearchSettings>): Promise<void> {
		this.settings = { ...this.settings, ...patch };
		return Promise.resolve();
	}
	requestReindex(): void {
		this.reindexRequests++;
	}
}

/** Obsidian before 1.13 calls display(); from 1.13 it renders getSettingDefinitions() instead. */
type Renderer = 'display' | 'definitions';
let renderer: Renderer = 'display';

function setup() {
	const { app, plugin } = hostPlugin();
	const host = new Host();
	const tab = new SemanticSearchSettingTab(asApp(app), asPlugin(plugin), host);
	// The shim's tab has test helpers the real type does not declare.
	const shimTab = tab as unknown as import('../../shims/obsidian').PluginSettingTab;
	const render = () => (renderer === 'display' ? tab.display() : shimTab.renderDefinitions());
	render();
	const control = <T>(name: string, type: abstract new (...a: never[]) => T): T => {
		const c = shimTab.setting(name).components.find((x): x is T & ButtonComponent => x instanceof type);
		if (!c) throw new Error(`no ${type.name} in "${name}"`);
		return c;
	};
	return { host, shimTab, control, render };
}

describe('settings', () => {
	it('defaults: no download, calibrated threshold, config folder and Excalidraw excluded', () => {
		const d = defaultSettings('.config');
		expect(d.allowDownload).toBe(false);
		expect(d.showUnderNote).toBe(false);
		expect(d.threshold).toBe(DEFAULT_CALIBRATION.threshold);
		expect(exclusionPatterns(d)).toEqual(['.config/', '*.excalidraw.md']);
	});

	it('parses a hand-edited data.json field by field', () => {
		const s = parseSettings({ threshold: 'high', maxResults: 1000, dtype: 'q4', allowDownload: true, exclusions: 'a/\n\n# note\nb/*' }, '.obsidian');
		expect(s.threshold).toBe(DEFAULT_CALIBRATION.threshold);
		expect(s.maxResults).toBe(100);
		expect(s.dtype).toBe('fp32');
		expect(s.allowDownload).toBe(true);
		expect(exclusionPatterns(s)).toEqual(['a/', 'b/*']);
		expect(exclusionPatterns({ exclusions: 'Private/', onlyFolders: 'Projects\n\n/Areas/Health/\n' })).toEqual(['Private/', '!Projects/', '!Areas/Health/']);
		expect(parseSettings(null, '.obsidian')).toEqual(defaultSettings('.obsidian'));
	});

	it('keeps indexing threads on automatic (0) unless 1 to 8 is chosen', () => {
		expect(defaultSettings('.obsidian').indexingThreads).toBe(0);
		expect(parseSettings({ indexingThreads: 4 }, '.obsidian').indexingThreads).toBe(4);
		expect(parseSettings({ indexingThreads: 40 }, '.obsidian').indexingThreads).toBe(8);
		expect(parseSettings({ indexingThreads: 'many' }, '.obsidian').indexingThreads).toBe(0);
	});
});

describe.each(['display', 'definitions'] as const)('settings tab rendered by %s()', (by) => {
	beforeEach(() => {
		renderer = by;
	});

	it('uses section headings in sentence case and no top-level "Settings" heading', () => {
		const { shimTab } = setup();
		const headings = shimTab.settings().filter((s) => s.isHeading).map((s) => s.nameEl.getText());
		expect(headings).toEqual(['Model', 'Results', 'Indexing']);
		for (const s of shimTab.settings()) {
			const name = s.nameEl.getText();
			expect(name).not.toMatch(/settings/i);
			expect(name.slice(1)).toBe(name.slice(1).replace(/\b[A-Z][a-z]/g, (m) => m.toLowerCase()));
		}
	});

	it('discloses the download and keeps it off until the user turns it on', async () => {
		const { host, shimTab, control } = setup();
		const desc = shimTab.setting('Allow downloading the model').descEl.getText();
		expect(desc).toContain('huggingface.co');
		expect(desc).toContain('.obsidian/plugins/semantic-note-search/models');
		expect(desc).toContain('never leave this device');
		const toggle = control('Allow downloading the model', ToggleComponent);
		expect(toggle.getValue()).toBe(false);
		await toggle.userChange(true);
		expect(host.settings.allowDownload).toBe(true);
	});

	it('changes settings through their controls', async () => {
		const { host, control } = setup();
		const folder = control('Model folder', TextComponent);
		await folder.userChange(' /models/mini');
		expect(host.settings.modelFolder).toBe('');
		await folder.userChange(' /models/minilm ');
		folder.commit();
		await control('Model precision', DropdownComponent).userChange('q8');
		await control('Number of results', SliderComponent).userChange(7);
		await control('Excluded folders and patterns', TextAreaComponent).userChange('Private/\n');
		await control('Only index these folders', TextAreaComponent).userChange('Projects/');
		await control('Index on startup', ToggleComponent).userChange(false);
		await control('Show related notes under each note', ToggleComponent).userChange(true);
		expect(host.settings).toMatchObject({ modelFolder: '/models/minilm', dtype: 'q8', maxResults: 7, exclusions: 'Private/\n', onlyFolders: 'Projects/', indexOnStartup: false, showUnderNote: true });
	});

	it('offers automatic or 1 to 8 indexing threads and says what each costs in memory', async () => {
		const { host, shimTab, control } = setup();
		expect(shimTab.setting('Indexing threads').descEl.getText()).toMatch(/up to about 400 MB/);
		const threads = control('Indexing threads', DropdownComponent);
		expect(threads.getValue()).toBe('0');
		await threads.userChange('2');
		expect(host.settings.indexingThreads).toBe(2);
	});

	it('offers the compute device, automatic by default, and reads a hand-edited one safely', async () => {
		const { host, control } = setup();
		const device = control('Compute device', DropdownComponent);
		expect(device.getValue()).toBe('auto');
		await device.userChange('webgpu');
		expect(host.settings.computeDevice).toBe('webgpu');
		await device.userChange('wasm');
		expect(host.settings.computeDevice).toBe('wasm');
		expect(parseSettings({ computeDevice: 'cuda' }, '.obsidian').computeDevice).toBe('auto');
		expect(parseSettings({ computeDevice: 'webgpu' }, '.obsidian').computeDevice).toBe('webgpu');
	});

	it('resets the threshold to the calibrated value', async () => {
		const { host, control } = setup();
		const slider = control('Similarity threshold', SliderComponent);
		await slider.userChange(0.2);
		expect(host.settings.threshold).toBe(0.2);
		await control('Similarity threshold', ExtraButtonComponent).click();
		expect(host.settings.threshold).toBe(DEFAULT_CALIBRATION.threshold);
		expect(slider.getValue()).toBe(DEFAULT_CALIBRATION.threshold);
	});

	it('says at the top of the model section why the model is not available', () => {
		const { host, shimTab, render } = setup();
		expect(shimTab.containerEl.byClass('sns-warning')).toEqual([]);
		host.problem = 'The embedding model (all-MiniLM-L6-v2) is not available: …';
		render();
		expect(shimTab.containerEl.byClass('sns-warning')[0].getText()).toContain('is not available');
	});

	it('shows the model check against Python once a model was checked', () => {
		const { host, shimTab, render } = setup();
		expect(shimTab.containerEl.getText()).not.toContain('Model check');
		host.check = 'Model check: 12 of 12 pairs match Python within 0.001 (fp32)';
		render();
		expect(shimTab.containerEl.getText()).toContain('Model check: 12 of 12 pairs match Python within 0.001 (fp32)');
	});

	it('asks the plugin to reindex from the button', async () => {
		const { host, control } = setup();
		await control('Rebuild the index', ButtonComponent).click();
		expect(host.reindexRequests).toBe(1);
	});
});
