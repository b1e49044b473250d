/**
 * Search while the first index runs, in headless Chromium with the plugin's own worker bundle and
 * N = 1: the page (browser-page.ts) indexes the corpus' notes through the real IndexSession and
 * meanwhile issues the calibration set's queries (real queries of real lengths) one after another,
 * each timed from the search call to its results.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCalibrationTopic } from '../../src/core/fixtures/calibration-set';
import { benchServer } from './browser-session';
import type { Corpus } from './corpus-types';
import { runPart } from './part';
import { percentile } from './stats';

interface Input {
	root: string;
	modelDir: string;
	/** The corpus part's file: its notes are the vault indexed here. */
	notesFile: string;
	/** Pause between one search's results and the next search, ms. */
	gapMs: number;
}

export interface BrowserSearch {
	notes: number;
	embedded: number;
	indexSeconds: number;
	searches: number;
	gapMs: number;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
}

runPart<Input, BrowserSearch>(async ({ root, modelDir, notesFile, gapMs }) => {
	const { notes } = JSON.parse(readFileSync(notesFile, 'utf8')) as Corpus;
	const dir = join(root, 'fixtures/calibration');
	const queries = readdirSync(dir)
		.filter((f) => f.endsWith('.toml'))
		.sort()
		.flatMap((f) => parseCalibrationTopic(readFileSync(join(dir, f), 'utf8'), f).queries.map((q) => q.text));
	const server = await benchServer(root, modelDir);
	try {
		const tab = await server.open();
		try {
			await tab.call('start', 1, 'fp32');
			const run = await tab.call('indexWhileSearching', notes, queries, gapMs);
			if (run.failed > 0) throw new Error(`${run.failed} notes failed to index`);
			if (run.searchMs.length === 0) throw new Error('the index finished before any search could run');
			return {
				notes: notes.length,
				embedded: run.embedded,
				indexSeconds: run.seconds,
				searches: run.searchMs.length,
				gapMs,
				p50Ms: percentile(run.searchMs, 50),
				p95Ms: percentile(run.searchMs, 95),
				maxMs: Math.max(...run.searchMs),
			};
		} finally {
			await tab.close();
		}
	} finally {
		await server.close();
	}
});
