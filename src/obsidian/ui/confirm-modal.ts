import { Modal, Setting, type App } from 'obsidian';

/** A yes/no question; `onConfirm` runs only after the user pressed the confirm button. */
export class ConfirmModal extends Modal {
	constructor(
		app: App,
		private readonly options: { title: string; message: string; confirm: string; onConfirm: () => void },
	) {
		super(app);
	}

	onOpen(): void {
		// titleEl rather than setTitle(): it exists on every version down to minAppVersion.
		this.titleEl.setText(this.options.title);
		this.contentEl.createEl('p', { text: this.options.message });
		new Setting(this.contentEl)
			.addButton((b) => b.setButtonText('Cancel').onClick(() => this.close()))
			.addButton((b) =>
				b
					.setButtonText(this.options.confirm)
					.setWarning()
					.onClick(() => {
						this.close();
						this.options.onConfirm();
					}),
			);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
