import { PluginSettingTab, Setting, type App, type Plugin, type SliderComponent } from 'obsidian';
import { DEFAULT_CALIBRATION } from '../core/search/calibration';
import { MAX_RESULTS_LIMIT, type SemanticSearchSettings } from './settings';

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
}

export class SemanticSearchSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		plugin: Plugin,
		private readonly host: SettingsHost,
	) {
		super(app, plugin);
	}

	display(): void {
		const { containerEl } = this;
		const s = this.host.settings;
		containerEl.empty();

		new Setting(containerEl).setName('Model').setHeading();
		const problem = this.host.modelProblem();
		if (problem) containerEl.createEl('p', { cls: 'sns-warning', text: problem });
		new Setting(containerEl)
			.setName('Model folder')
			.setDesc(
				'Absolute path of a folder with config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx ' +
					'(onnx/model_quantized.onnx for q8), as published in the Hugging Face repository Xenova/all-MiniLM-L6-v2. ' +
					'Leave empty to use a downloaded copy.',
			)
			.addText((t) =>
				t
					.setPlaceholder('Absolute folder path')
					.setValue(s.modelFolder)
					.onChange((v) => this.host.updateSettings({ modelFolder: v.trim() })),
			);
		new Setting(containerEl)
			.setName('Allow downloading the model')
			.setDesc(
				'Off by default. When on, the model files are downloaded once from huggingface.co (about 90 MB at full ' +
					'precision, 23 MB quantized), pinned to one published version and checked against their SHA-256, and ' +
					`kept in ${this.host.modelCacheFolder}. Only the file requests reach the network: ` +
					'your notes and searches never leave this device.',
			)
			.addToggle((t) => t.setValue(s.allowDownload).onChange((v) => this.host.updateSettings({ allowDownload: v })));
		new Setting(containerEl)
			.setName('Model precision')
			.setDesc('Full precision gives the same scores as Python sentence-transformers. Quantized is smaller and faster; its scores differ by about 0.01 to 0.03. Changing it re-embeds every note.')
			.addDropdown((d) =>
				d
					.addOption('fp32', 'Full precision (fp32)')
					.addOption('q8', 'Quantized (q8)')
					.setValue(s.dtype)
					.onChange((v) => this.host.updateSettings({ dtype: v === 'q8' ? 'q8' : 'fp32' })),
			);

		new Setting(containerEl).setName('Results').setHeading();
		let slider: SliderComponent | undefined;
		new Setting(containerEl)
			.setName('Similarity threshold')
			.setDesc(
				`Search hides notes scoring below this cosine similarity. The default, ${DEFAULT_CALIBRATION.threshold.toFixed(2)}, ` +
					'is calibrated on notes judged related or unrelated; related notes use their own calibrated cut-off, which moves with this one. Lower it to see more, weaker matches.',
			)
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
		new Setting(containerEl)
			.setName('Number of results')
			.setDesc('The most notes listed by search and by the related notes view.')
			.addSlider((c) =>
				c
					.setLimits(1, MAX_RESULTS_LIMIT, 1)
					.setValue(s.maxResults)
					.setDynamicTooltip()
					.onChange((v) => this.host.updateSettings({ maxResults: v })),
			);

		new Setting(containerEl).setName('Indexing').setHeading();
		new Setting(containerEl)
			.setName('Excluded folders and patterns')
			.setDesc(
				'One per line: a folder such as Private/, or a glob such as **/drafts/** or a file name pattern. ' +
					'Excluded notes are never read or embedded, and are removed from the index.',
			)
			.addTextArea((t) => t.setValue(s.exclusions).onChange((v) => this.host.updateSettings({ exclusions: v })));
		new Setting(containerEl)
			.setName('Index on startup')
			.setDesc('Bring the index up to date when Obsidian starts; only new and changed notes are embedded. When off, this happens the first time you search or open related notes.')
			.addToggle((t) => t.setValue(s.indexOnStartup).onChange((v) => this.host.updateSettings({ indexOnStartup: v })));
		new Setting(containerEl)
			.setName('Rebuild the index')
			.setDesc('Drop every stored vector and embed the whole vault again.')
			.addButton((b) => b.setButtonText('Reindex vault').onClick(() => this.host.requestReindex()));
	}
}
