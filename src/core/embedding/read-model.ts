import { ModelNotAvailableError } from './errors';
import type { ModelFiles } from './model-files';
import type { PinnedFile } from './model-manifest';

/**
 * Reads every listed file up front, so a missing model fails once, with one clear message naming
 * where it looked, before transformers.js is involved.
 */
export async function readRequired(files: ModelFiles, wanted: readonly PinnedFile[]): Promise<Map<string, Uint8Array>> {
	const bytes = new Map<string, Uint8Array>();
	for (const file of wanted) {
		const content = await files.read(file.path);
		if (!content) throw new ModelNotAvailableError([files.location], file.path);
		bytes.set(file.path, content);
	}
	return bytes;
}
