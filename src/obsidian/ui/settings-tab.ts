import { PluginSettingTab, Setting, type App, type Plugin, type SliderComponent } from 'obsidian';
import { DEFAULT_CALIBRATION } from '../../core/search/calibration';
import { MAX_RESULTS_LIMIT, type SemanticSearchSettings } from '../runtime/settings';
import { defaultPoolSize, MAX_POOL_SIZE, MIN_POOL_SIZE } from '../../worker/pool-size';

/** What the tab needs from the plugin. */
export interface SettingsHost {
	readonly settings: SemanticSearchSettings;
	/** Saves at once; the plugin applies expensive changes (model, exclusions) after a pause. */
	updateSettings(patch: Partial<SemanticSearchSettings>): Promise<void>;
	/** Asks for confirmation, then rebuilds the index. */
	requestReindex(): void;
	/** Where downloaded model files are kept, for the disclosure text. */
	readonly modelCacheFolder: string;
	/** Why the model could not be loaded, if it could not. */
	modelProblem(): string | undefined;
	/** The loaded model's check against Python, once a model was loaded. */
	modelCheck(): string | undefined;
}

/**
 * One row of the tab. Obsidian 1.13's declarative settings (`getSettingDefinitions()`) take rows
 * of this shape; they are not in the 1.8.7 typings this plugin builds against, so the shape is
 * declared here, after docs.obsidian.md "Migrate to declarative settings".
 */
interface SettingRow {
	name: string;
	desc?: string;
	render(setting: Setting): void;
}

interface SettingGroup {
	type: 'group';
	heading: string;
	items: SettingRow[];
}

/**
 * The settings, defined once as groups of rows. Obsidian 1.13+ renders them from
 * getSettingDefinitions() (which puts them in its settings search) instead of calling display();
 * display() renders the same rows for older versions (minAppVersion is below 1.13).
 */
export class SemanticSearchSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		plugin: Plugin,
		private readonly host: SettingsHost,
	) {
		super(app, plugin);
	}

	getSettingDefinitions(): SettingGroup[] {
		return [
			{ type: 'group', heading: 'Model', items: this.modelRows() },
			{ type: 'group', heading: 'Results', items: this.resultRows() },
			{ type: 'group', heading: 'Indexing', items: this.indexingRows() },
		];
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const group of this.getSettingDefinitions()) {
			new Setting(containerEl).setName(group.heading).setHeading();
			for (const row of group.items) {
				const setting = new Setting(containerEl).setName(row.name);
				if (row.desc !== undefined) setting.setDesc(row.desc);
				row.render(setting);
			}
		}
	}

	private modelRows(): SettingRow[] {
		const s = this.host.settings;
		const rows: SettingRow[] = [];
		const problem = this.host.modelProblem();
		if (problem) {
			rows.push({
				name: 'Model not available',
				desc: problem,
				render: (setting) => {
					setting.setClass('sns-warning');
				},
			});
		}
		const check = this.host.modelCheck();
		if (check) rows.push({ name: 'Model check', desc: check, render: () => undefined });
		rows.push(
			{
				name: 'Model folder',
				desc:
					'Absolute path of a folder with config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx ' +
					'(onnx/model_quantized.onnx for q8), as published in the Hugging Face repository Xenova/all-MiniLM-L6-v2. ' +
					'Leave empty to use a downloaded copy.',
				render: (setting) => {
					setting.addText((t) => {
						t.setPlaceholder('Absolute folder path').setValue(s.modelFolder);
						// Taken when the field loses focus (or on Enter), not per keystroke: each folder
						// applied reloads the model, and a half-typed path would report a missing model.
						t.inputEl.addEventListener('change', () => void this.host.updateSettings({ modelFolder: t.getValue().trim() }));
					});
				},
			},
			{
				name: 'Allow downloading the model',
				desc:
					'Off by default. When on, the model files are downloaded once from huggingface.co (about 90 MB at full ' +
					'precision, 23 MB quantized), pinned to one published version and checked against their SHA-256, and ' +
					`kept in ${this.host.modelCacheFolder}. Only the file requests reach the network: ` +
					'your notes and searches never leave this device.',
				render: (setting) => {
					setting.addToggle((t) => t.setValue(s.allowDownload).onChange((v) => this.host.updateSettings({ allowDownload: v })));
				},
			},
			{
				name: 'Model precision',
				desc: 'Full precision gives the same scores as Python sentence-transformers. Quantized is smaller and faster; its scores differ by about 0.01 to 0.03. Changing it re-embeds every note.',
				render: (setting) => {
					setting.addDropdown((d) =>
						d
							.addOption('fp32', 'Full precision (fp32)')
							.addOption('q8', 'Quantized (q8)')
							.setValue(s.dtype)
							.onChange((v) => this.host.updateSettings({ dtype: v === 'q8' ? 'q8' : 'fp32' })),
					);
				},
			},
			{
				name: 'Compute device',
				desc:
					'Automatic uses the graphics card (WebGPU) when this device has one and the model passes its check against Python on it; ' +
					'otherwise, or if WebGPU fails, the processor (WebAssembly). Graphics card also accepts a software WebGPU renderer, ' +
					'and still falls back to the processor when WebGPU fails. The model check line above says which one runs and why. Changing it keeps the index.',
				render: (setting) => {
					setting.addDropdown((d) =>
						d
							.addOption('auto', 'Automatic')
							.addOption('webgpu', 'Graphics card')
							.addOption('wasm', 'Processor')
							.setValue(s.computeDevice)
							.onChange((v) => this.host.updateSettings({ computeDevice: v === 'webgpu' || v === 'wasm' ? v : 'auto' })),
					);
				},
			},
		);
		return rows;
	}

	private resultRows(): SettingRow[] {
		const s = this.host.settings;
		return [
			{
				name: 'Similarity threshold',
				desc:
					`Search hides notes scoring below this cosine similarity. The default, ${DEFAULT_CALIBRATION.threshold.toFixed(2)}, ` +
					'is calibrated on notes judged related or unrelated; related notes use their own calibrated cut-off, which moves with this one. Lower it to see more, weaker matches.',
				render: (setting) => {
					let slider: SliderComponent | undefined;
					setting
						.addSlider((c) => {
							slider = c;
							c.setLimits(0, 1, 0.01)
								.setValue(s.threshold)
								.setDynamicTooltip()
								.onChange((v) => this.host.updateSettings({ threshold: v }));
						})
						.addExtraButton((b) =>
							b
								.setIcon('reset')
								.setTooltip('Reset to the calibrated value')
								.onClick(async () => {
									await this.host.updateSettings({ threshold: DEFAULT_CALIBRATION.threshold });
									slider?.setValue(DEFAULT_CALIBRATION.threshold);
								}),
						);
				},
			},
			{
				name: 'Number of results',
				desc: 'The most notes listed by search and by the related notes view.',
				render: (setting) => {
					setting.addSlider((c) =>
						c
							.setLimits(1, MAX_RESULTS_LIMIT, 1)
							.setValue(s.maxResults)
							.setDynamicTooltip()
							.onChange((v) => this.host.updateSettings({ maxResults: v })),
					);
				},
			},
			{
				name: 'Show related notes under each note',
				desc: 'Adds the related notes, as the sidebar lists them, at the end of every note in reading view and live preview. Excluded notes get none.',
				render: (setting) => {
					setting.addToggle((t) => t.setValue(s.showUnderNote).onChange((v) => this.host.updateSettings({ showUnderNote: v })));
				},
			},
		];
	}

	private indexingRows(): SettingRow[] {
		const s = this.host.settings;
		return [
			{
				name: 'Excluded folders and patterns',
				desc:
					'One per line: a folder such as Private/, or a glob such as **/drafts/** or a file name pattern. ' +
					'Excluded notes are never read or embedded, and are removed from the index.',
				render: (setting) => {
					setting.addTextArea((t) => t.setValue(s.exclusions).onChange((v) => this.host.updateSettings({ exclusions: v })));
				},
			},
			{
				name: 'Only index these folders',
				desc: 'One folder per line, such as Projects/. When any is given, only notes in them are indexed, searched and listed as related; the exclusions above still apply inside them. Empty: the whole vault.',
				render: (setting) => {
					setting.addTextArea((t) => t.setPlaceholder('Projects/').setValue(s.onlyFolders).onChange((v) => this.host.updateSettings({ onlyFolders: v })));
				},
			},
			{
				name: 'Index on startup',
				desc: 'Bring the index up to date when Obsidian starts; only new and changed notes are embedded. When off, this happens the first time you search or open related notes.',
				render: (setting) => {
					setting.addToggle((t) => t.setValue(s.indexOnStartup).onChange((v) => this.host.updateSettings({ indexOnStartup: v })));
				},
			},
			{
				name: 'Indexing threads',
				desc:
					'Embedding workers while the index is built. Each holds its own copy of the model: up to about 400 MB of memory ' +
					'while it loads the model and about 260 MB after, at full precision (measured in Chromium, the engine Obsidian runs on). ' +
					'After indexing, one stays for searching. ' +
					'Automatic uses half of the processor cores, at most 3.',
				render: (setting) => {
					setting.addDropdown((d) => {
						d.addOption('0', `Automatic (${defaultPoolSize()})`);
						for (let n = MIN_POOL_SIZE; n <= MAX_POOL_SIZE; n++) d.addOption(String(n), String(n));
						d.setValue(String(s.indexingThreads)).onChange((v) => this.host.updateSettings({ indexingThreads: Number(v) }));
					});
				},
			},
			{
				name: 'Rebuild the index',
				desc: 'Drop every stored vector and embed the whole vault again.',
				render: (setting) => {
					setting.addButton((b) => b.setButtonText('Reindex vault').onClick(() => this.host.requestReindex()));
				},
			},
		];
	}
}
