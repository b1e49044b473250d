/**
 * What the browser run must show, as a list of broken expectations (empty = pass). Shared by the
 * vitest test and the command line, so both judge a run the same way.
 */
import type { E2EResult } from './e2e';

/** A main-thread task longer than this is a visible freeze. */
export const MAX_LONG_TASK_MS = 100;

export function checkE2E(r: E2EResult): string[] {
	const problems: string[] = [];
	const expect = (ok: boolean, what: string): void => {
		if (!ok) problems.push(what);
	};
	expect(r.first.storedAtStart === 0, `first load found ${r.first.storedAtStart} records in a fresh profile`);
	expect(r.first.report.embedded > 0 && r.first.report.embedded === r.first.passages, `first load embedded ${r.first.report.embedded} of ${r.first.passages} passages`);
	expect(r.first.report.failed.length === 0, `notes failed: ${JSON.stringify(r.first.report.failed)}`);
	expect(r.second.report.embedded === 0, `reload re-embedded ${r.second.report.embedded} passages`);
	expect(r.second.storedAtStart === r.notes - r.first.report.failed.length, `reload read ${r.second.storedAtStart} records from IndexedDB, expected ${r.notes}`);
	expect(r.second.passages === r.first.passages, `reload has ${r.second.passages} passages, first load ${r.first.passages}`);
	expect(r.second.modelKey === r.first.modelKey, 'model key changed across reloads');
	expect(r.firstSearch.results.length > 0 || r.firstSearch.reason === 'below-threshold', `search failed: ${JSON.stringify(r.firstSearch.reason)}`);
	expect(JSON.stringify(r.secondSearch) === JSON.stringify(r.firstSearch), 'search after reload differs from the first load');
	expect(r.related.reason !== 'not-indexed' && r.related.reason !== 'empty-index', `related: ${String(r.related.reason)}`);
	for (const res of [...r.firstSearch.results, ...r.related.results]) expect(Number.isFinite(res.score) && res.score <= 1, `score ${res.score} for ${res.path}`);
	expect(r.observerWorks, 'the long-task observer did not see a deliberate 150 ms block; long-task numbers would mean nothing');
	const longest = Math.max(0, ...r.indexingLongTasks.map((t) => t.duration));
	expect(longest <= MAX_LONG_TASK_MS, `main thread blocked ${longest.toFixed(0)} ms while indexing (limit ${MAX_LONG_TASK_MS} ms)`);
	expect(r.rendered.searchRows === r.secondSearch.results.length, `rendered ${r.rendered.searchRows} search rows for ${r.secondSearch.results.length} results`);
	expect(r.rendered.relatedRows === r.related.results.length, `rendered ${r.rendered.relatedRows} related rows for ${r.related.results.length} results`);
	expect(r.rendered.styled || r.rendered.searchRows + r.rendered.relatedRows === 0, 'styles.css did not apply to the rendered rows');
	expect(r.foreignRequests.length === 0, `requests left localhost: ${r.foreignRequests.join(', ')}`);
	expect(r.consoleErrors.length === 0, `page errors: ${r.consoleErrors.join(' | ')}`);
	return problems;
}
