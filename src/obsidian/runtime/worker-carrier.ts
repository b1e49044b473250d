/**
 * Reads the worker script back out of the carrier function's source text (why it rides in a
 * comment, and how it is encoded: scripts/worker-build.mjs), a chunk at a time so that the caller
 * can give the app a turn between chunks.
 */
export function* workerScriptChunks(carrierSource: string, chunkChars = 1_000_000): Generator<string> {
	const start = carrierSource.indexOf('/*!');
	const end = carrierSource.lastIndexOf('*/');
	if (start < 0 || end < start) throw new Error('The embedding worker is missing from main.js (its comment was not kept by the build). Reinstall the plugin.');
	for (let from = start + 3; from < end; ) {
		let to = Math.min(from + Math.max(chunkChars, 4), end);
		// Every `%` starts an escape of at most 4 characters (`%25`, `%2A/`, `%0A`, `%0D`): never cut one in two.
		const percent = carrierSource.lastIndexOf('%', to - 1);
		if (to < end && percent >= from && percent > to - 4) to = percent;
		yield carrierSource.slice(from, to).replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%2A/', '*/').replaceAll('%25', '%');
		from = to;
	}
}
