/**
 * Browser side of the "under-note" benchmark part: the plugin's RelatedUnderNotes over the e2e
 * host's markdown view (Obsidian's two-mode DOM, real layout), fed by a source that answers at
 * once, so what is timed is the plugin's work per update: the section redrawn in both modes, plus
 * the layout the browser does for it.
 */
import type * as Obsidian from 'obsidian';
import { titleOf, toStoredPassage } from '../../src/core/index/snippet';
import type { SearchResult } from '../../src/core/search/types';
import type { RelatedSource } from '../../src/obsidian/runtime/ports';
import { RelatedUnderNotes, UNDER_NOTE_CLASS } from '../../src/obsidian/ui/under-note';
import { HostApp } from '../browser/host/app';
import { installObsidianDom } from '../browser/obsidian-dom';

installObsidianDom();

const NOTE = 'Notes/Open note.md';

/** Each turn's own words, so no text of one turn begins or ends like the other's (nothing the browser shaped can be reused). */
const TURNS = [
	{ name: 'Related note', part: 'Section', text: 'a few sentences of the note that matched best, long enough to wrap onto a second line in the section under the note and be clamped there by styles.css.' },
	{ name: 'Meeting summary', part: 'Chapter', text: 'other words entirely, quoting what this row shows once the list changed: decisions, owners and dates from the weekly planning call of the team.' },
];

/**
 * Two lists take turns, so every update really redraws (an unchanged list is left alone), and
 * every text of every row changes from one turn to the next (the worst case for a redraw: nothing
 * can be kept). Snippets are cut by the indexer's own `toStoredPassage`, as the stored ones the
 * related list shows (at most SNIPPET_CHARS).
 */
function results(count: number, turn: number): SearchResult[] {
	const words = TURNS[turn];
	return Array.from({ length: count }, (_, i) => {
		const path = `Notes/${words.name} ${i}.md`;
		const passage = { text: `${i}: ${words.text} `.repeat(2), heading: `${words.name} ${i} > ${words.part} ${i % 4}`, start: 0, end: 10, wordPieces: 64 };
		const stored = toStoredPassage(passage, titleOf(path), false);
		return { path, score: 0.9 - i * 0.01 - turn * 0.001, band: i < 3 + turn ? 'strong' : 'related', heading: stored.heading, snippet: stored.snippet, start: stored.start, end: stored.end };
	});
}

export interface RenderTimes {
	/** Per update: the whole cost, and the part before layout (the plugin's script and DOM calls). */
	times: number[];
	scriptTimes: number[];
}

let bench: { update(): Promise<[number, number]>; unload(): void } | undefined;

/** Where the section is when it redraws: after the note's text below the window, or in view (the editor scrolled to its end). */
export type Place = 'below' | 'in-view';

/** A host app with one long note open and the plugin's RelatedUnderNotes drawing `rows` rows under it. */
async function setup(rows: number, place: Place): Promise<void> {
	bench?.unload();
	document.body.empty();
	const notes = [{ path: NOTE, markdown: `# Open note\n\n${'A paragraph of the open note. '.repeat(10)}\n`.repeat(10), mtime: 0 }];
	const app = new HostApp(`bench-${rows}`, notes, document.body.createDiv({ cls: 'app-container' }));
	const file = app.vault.getFileByPath(NOTE);
	if (!file) throw new Error('no note');
	await app.workspace.getLeaf().openFile(file);
	const answers = [{ results: results(rows, 0) }, { results: results(rows, 1) }];
	let turn = 0;
	const source: RelatedSource = {
		threshold: 0.31,
		search: () => Promise.reject(new Error('not used')),
		related: () => Promise.resolve(answers[turn++ % 2]),
		onIndexChange: () => () => undefined,
	};
	const under = new RelatedUnderNotes(app as unknown as Obsidian.App, source, () => false, 0);
	under.load();
	await under.settled;
	if (place === 'in-view') {
		const scroller = document.querySelector('.cm-scroller');
		if (!scroller) throw new Error('no .cm-scroller');
		scroller.scrollTop = scroller.scrollHeight;
		if (scroller.getBoundingClientRect().bottom < (document.querySelector(`.${UNDER_NOTE_CLASS}`)?.getBoundingClientRect().top ?? Infinity)) throw new Error('the section is not in view');
	}
	void document.body.offsetHeight;
	// Two frames, as in the app between a scroll and the next refresh (the browser decides what is on screen at a frame).
	for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
	bench = {
		update: async () => {
			const t0 = performance.now();
			under.update(true);
			await under.settled;
			const script = performance.now() - t0;
			// Layout is part of the cost: reading a size makes the browser do it now.
			void document.body.offsetHeight;
			return [performance.now() - t0, script];
		},
		unload: () => under.unload(),
	};
}

async function run(runs: number): Promise<RenderTimes> {
	if (!bench) throw new Error('setup first');
	const times: number[] = [];
	const scriptTimes: number[] = [];
	for (let i = 0; i < runs; i++) {
		const [total, script] = await bench.update();
		times.push(total);
		scriptTimes.push(script);
	}
	return { times, scriptTimes };
}

/**
 * The machine's yardstick, in the same page: 20 plain rows of 4 divs built and laid out per update,
 * with no plugin code. Shows how much of a measured time is the machine (a shared, loaded core).
 */
function baseline(runs: number): void {
	for (let i = 0; i < runs; i++) {
		document.body.empty();
		const box = document.body.createDiv();
		for (let r = 0; r < 20; r++) {
			const row = box.createDiv();
			for (let k = 0; k < 4; k++) row.createDiv({ text: `A few words of row ${r}, update ${i}` });
		}
		void document.body.offsetHeight;
	}
}

declare global {
	interface Window {
		benchUnderNote: { setup: typeof setup; run: typeof run; baseline: typeof baseline };
	}
}

window.benchUnderNote = { setup, run, baseline };
