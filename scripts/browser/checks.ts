/**
 * What the browser run must show, as a list of broken expectations (empty = pass). Shared by the
 * vitest test and the command line, so both judge a run the same way.
 */
import type { E2EResult, IndexStatusTable, Row } from './e2e';

/** "12 passages embedded, 3 notes unchanged, …" from the status modal's "Last run" row. */
export function lastRun(status: IndexStatusTable): { embedded: number; unchanged: number } {
	const m = /^([\d,]+) passages embedded, ([\d,]+) notes unchanged/.exec(status['Last run'] ?? '');
	const num = (s: string | undefined): number => (s === undefined ? Number.NaN : Number(s.replace(/,/g, '')));
	return { embedded: num(m?.[1]), unchanged: num(m?.[2]) };
}

/**
 * `modelCheck`: the real model must pass the plugin's check against Python and index at once; the
 * synthetic one must fail it and index only after the user chose to use it anyway.
 */
export function checkE2E(r: E2EResult, modelCheck: 'passes' | 'fails'): string[] {
	const problems: string[] = [];
	const expect = (ok: boolean, what: string): void => {
		if (!ok) problems.push(what);
	};
	const passages = Number(r.first.status.Passages?.replace(/,/g, ''));
	const first = lastRun(r.first.status);
	const second = lastRun(r.second.status);
	const reindex = lastRun(r.reindex);
	const check = r.first.modelCheck ?? '';
	if (modelCheck === 'passes') expect(/^Model check: 12 of 12 pairs match Python within /.test(check) && !r.first.usedModelAnyway, `model check: "${check}", used anyway: ${r.first.usedModelAnyway}`);
	else expect(/^Model check: \d+ of 12 pairs match Python .*\(used anyway, as you chose\)$/.test(check) && r.first.usedModelAnyway, `model check: "${check}", used anyway: ${r.first.usedModelAnyway}`);
	expect(!r.second.usedModelAnyway, 'after a reload the model check asked again: the choice was not remembered');
	expect(r.first.status['Indexed notes'] === String(r.notes), `first start indexed ${r.first.status['Indexed notes']} of ${r.notes} notes`);
	expect(r.first.status['Failed notes'] === '0', `notes failed: ${r.first.status['Failed notes']}`);
	expect(passages > 0 && first.embedded === passages, `first start embedded ${first.embedded} of ${passages} passages`);
	expect(r.notices.some((n) => n.startsWith(`Semantic index ready: ${r.notes} notes, ${passages} passages embedded`)), 'no "Semantic index ready" notice after the first start');
	expect(second.embedded === 0 && second.unchanged === r.notes, `reload: ${r.second.status['Last run']} (expected nothing embedded, every note unchanged)`);
	expect(r.second.status.Passages === r.first.status.Passages, `reload has ${r.second.status.Passages} passages, first start ${r.first.status.Passages}`);
	expect(r.firstSearch.length > 0, 'the search modal showed no results');
	expect(r.firstSearch[0]?.answer !== '' && r.firstSearch[0]?.text.includes(r.firstSearch[0].answer), 'the best search result has no answer sentence marked in its snippet');
	expect(JSON.stringify(r.secondSearch) === JSON.stringify(r.firstSearch), 'search after reload differs from the first start');
	expect(r.related.length > 0 || r.relatedEmpty?.includes('similar enough') === true, `related view: ${r.relatedEmpty ?? 'no rows'}`);
	expect(!r.related.some((row) => `${row.title}.md` === 'Sourdough country loaf.md'), 'the related view lists the note itself');
	for (const row of [...r.firstSearch, ...r.related]) expect(Number.isFinite(row.score) && row.score <= 1, `score ${row.score} for ${row.title}`);
	expect(reindex.embedded === passages && reindex.unchanged === 0, `reindex: ${r.reindex['Last run']}`);
	// How long the page's tasks take depends on the machine's load: `npm run bench -- main-thread`
	// measures that. Here: the model never runs on the page's thread.
	expect(r.wasmCounterWorks, 'compiling a module on the page was not counted: the count below would mean nothing');
	expect(r.mainThreadWasm === 0, `WebAssembly was compiled ${r.mainThreadWasm} times on the page's thread: the model ran outside the workers`);
	expect(r.styled, 'styles.css did not apply to the rendered rows');
	checkUnderNote(r, expect);
	checkHover(r, expect);
	checkFilteredSearch(r, expect);
	const u = r.afterUnload;
	expect(
		u.commands === 0 && u.statusBarItems === 0 && u.relatedViews === 0 && u.underNoteSections === 0,
		`unload left ${u.commands} commands, ${u.statusBarItems} status bar items, ${u.relatedViews} related views, ${u.underNoteSections} sections under notes`,
	);
	expect(u.workersRunning === 0, `unload left ${u.workersRunning} workers running`);
	expect(r.foreignRequests.length === 0, `requests left localhost: ${r.foreignRequests.join(', ')}`);
	expect(r.consoleErrors.length === 0, `page errors: ${r.consoleErrors.join(' | ')}`);
	return problems;
}

type Expect = (ok: boolean, what: string) => void;
const rowKey = (rows: Row[]): string => JSON.stringify(rows.map((row) => [row.title, row.score]));

/** The section under the note: the sidebar's rows, in both modes, and the editor never moved by it. */
function checkUnderNote(r: E2EResult, expect: Expect): void {
	const u = r.underNote;
	expect(u.live.length > 0 || u.liveEmpty === r.relatedEmpty, `under the note: ${u.liveEmpty ?? 'no rows'} (sidebar: ${r.relatedEmpty ?? `${r.related.length} rows`})`);
	expect(rowKey(u.live) === rowKey(r.related), `under the note ${rowKey(u.live)}, in the sidebar ${rowKey(r.related)}`);
	expect(u.readingVisible && rowKey(u.reading) === rowKey(u.live), `in Reading view the section ${u.readingVisible ? 'shows' : 'is hidden'} with ${rowKey(u.reading)}`);
	expect(u.scrollable, 'the editor could not scroll in the short window: the scroll checks would mean nothing');
	expect(u.firstRender.after === u.firstRender.before, `the section's first render moved the editor from ${u.firstRender.before} to ${u.firstRender.after}`);
	expect(u.redraw.after === u.redraw.before, `redrawing the section moved the editor, scrolled to its end, from ${u.redraw.before} to ${u.redraw.after}`);
}

/** Hovering results asks Obsidian's Page preview, as the plugin's registered source, with a hover parent. */
function checkHover(r: E2EResult, expect: Expect): void {
	expect(r.hoverSources['semantic-note-search']?.defaultMod === true, `Page preview sources: ${JSON.stringify(r.hoverSources)}`);
	const ours = r.hoverLinks.filter((h) => h.source === 'semantic-note-search' && h.hasHoverParent);
	expect(ours.some((h) => h.targetClass.includes('suggestion-item')), `no page preview request from the search modal: ${JSON.stringify(r.hoverLinks)}`);
	const first = r.underNote.live[0];
	if (first) expect(ours.some((h) => h.targetClass.includes('sns-related-row') && h.linktext.includes(`${first.title}.md`)), `no page preview request for "${first.title}" under the note: ${JSON.stringify(r.hoverLinks)}`);
}

/** `path:` and `tag:` keep only notes they allow, and without them other notes rank: the filter did the work. */
function checkFilteredSearch(r: E2EResult, expect: Expect): void {
	const allowed = new Set(r.filterAllows);
	expect(r.filteredSearch.length > 0, 'the filtered search showed no results');
	expect(r.filteredSearch.every((row) => allowed.has(row.title)), `the filtered search listed ${r.filteredSearch.map((row) => row.title).join(', ')}; allowed: ${r.filterAllows.join(', ')}`);
	expect(r.secondSearch.some((row) => !allowed.has(row.title)), 'the unfiltered search lists only notes the filter allows: the filter check would mean nothing');
}
