/**
 * Browser side of the "under-note" benchmark part: the plugin's RelatedUnderNotes over the e2e
 * host's markdown view (Obsidian's two-mode DOM, real layout), fed by a source that answers at
 * once, so what is timed is the plugin's work per update: the section redrawn in both modes, plus
 * the layout the browser does for it.
 */
import type * as Obsidian from 'obsidian';
import type { SearchResult } from '../../src/core/search/types';
import type { RelatedSource } from '../../src/obsidian/runtime/ports';
import { RelatedUnderNotes } from '../../src/obsidian/ui/under-note';
import { HostApp } from '../browser/host/app';
import { installObsidianDom } from '../browser/obsidian-dom';

installObsidianDom();

const NOTE = 'Notes/Open note.md';

function results(count: number): SearchResult[] {
	return Array.from({ length: count }, (_, i) => ({
		path: `Notes/Related note ${i}.md`,
		score: 0.9 - i * 0.01,
		band: i < 3 ? 'strong' : 'related',
		heading: `Related note ${i} > Section ${i % 4}`,
		snippet: `Passage ${i}: a few sentences of the note that matched best, long enough to wrap onto a second line in the section under the note and be clamped there by styles.css. `.repeat(2),
		start: 0,
		end: 10,
	}));
}

export interface RenderTimes {
	rows: number;
	firstMs: number;
	/** Per update: the whole cost, and the part before layout (the plugin's script and DOM calls). */
	times: number[];
	scriptTimes: number[];
}

async function measure(rows: number, runs: number): Promise<RenderTimes> {
	document.body.empty();
	const notes = [{ path: NOTE, markdown: `# Open note\n\n${'A paragraph of the open note. '.repeat(10)}\n`.repeat(10), mtime: 0 }];
	const app = new HostApp(`bench-${rows}`, notes, document.body.createDiv({ cls: 'app-container' }));
	const file = app.vault.getFileByPath(NOTE);
	if (!file) throw new Error('no note');
	await app.workspace.getLeaf().openFile(file);
	const answer = { results: results(rows) };
	const source: RelatedSource = {
		threshold: 0.31,
		search: () => Promise.reject(new Error('not used')),
		related: () => Promise.resolve(answer),
		onIndexChange: () => () => undefined,
	};
	const under = new RelatedUnderNotes(app as unknown as Obsidian.App, source, () => false, 0);
	const update = async (): Promise<[number, number]> => {
		const t0 = performance.now();
		under.update(true);
		await under.settled;
		const script = performance.now() - t0;
		// Layout is part of the cost: reading a size makes the browser do it now.
		void document.body.offsetHeight;
		return [performance.now() - t0, script];
	};
	void document.body.offsetHeight;
	under.load();
	await under.settled;
	const [firstMs] = await update();
	const times: number[] = [];
	const scriptTimes: number[] = [];
	for (let i = 0; i < runs; i++) {
		const [total, script] = await update();
		times.push(total);
		scriptTimes.push(script);
	}
	under.unload();
	return { rows, firstMs, times, scriptTimes };
}

declare global {
	interface Window {
		benchUnderNote(rowCounts: number[], runs: number): Promise<RenderTimes[]>;
	}
}

window.benchUnderNote = async (rowCounts, runs) => {
	const out: RenderTimes[] = [];
	for (const rows of rowCounts) out.push(await measure(rows, runs));
	return out;
};
