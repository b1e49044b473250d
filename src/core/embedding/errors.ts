/**
 * Errors with a message meant for the user (settings tab, notice, CLI stderr) rather than a
 * stack trace. Callers show `userMessage` as is.
 */
export class ModelNotAvailableError extends Error {
	override readonly name = 'ModelNotAvailableError';

	constructor(
		/** Human-readable places that were searched, e.g. a folder path or the download cache. */
		readonly searched: readonly string[],
		/** The file that was missing, e.g. 'onnx/model.onnx'. */
		readonly missingFile: string,
	) {
		super(
			`The embedding model (all-MiniLM-L6-v2) is not available: "${missingFile}" was not found in ${searched.join(', ') || 'any model source'}. ` +
				'To get it, either set a model folder containing config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx ' +
				'(the Hugging Face repository Xenova/all-MiniLM-L6-v2), or allow the plugin to download it once from the Hugging Face Hub.',
		);
	}

	get userMessage(): string {
		return this.message;
	}
}

/** A downloaded or cached file did not match the pinned size/sha256; it is never used. */
export class ModelIntegrityError extends Error {
	override readonly name = 'ModelIntegrityError';

	constructor(
		readonly file: string,
		readonly detail: string,
	) {
		super(`The downloaded model file "${file}" is corrupt or not the expected version (${detail}); it was discarded. Try again later.`);
	}

	get userMessage(): string {
		return this.message;
	}
}
