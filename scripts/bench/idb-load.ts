/**
 * Startup cost of a 10k-note vault: open the real IndexedDB store (fake-indexeddb in Node),
 * read every record and build the search index and the keyword index from them — what the plugin
 * does before the first search. fake-indexeddb is pure JS and slower than Chromium's, so this is an
 * upper bound for the read part; the browser e2e test exercises the real thing.
 *
 * The keyword index needs each passage's text in the store: the same records are also written
 * without texts, to a second database, so the read time with and without them shows what storing
 * the texts costs the load.
 */
import 'fake-indexeddb/auto';
import { IdbVectorStore } from '../../src/core/store/idb-store';
import type { NoteRecord } from '../../src/core/store/types';
import { LexicalIndex } from '../../src/core/search/lexical-index';
import { SearchIndex } from '../../src/core/search/search-index';
import { now, runPart } from './part';
import { randomUnitVector, seededRandom } from './stats';
import { syntheticNotes } from './synthetic-notes';

const DIM = 384;
/** Words per passage text: a 256-word-piece passage holds about this many words. */
const WORDS_PER_PASSAGE = 180;

interface Input {
	notes: number;
	passagesPerNote: number;
}

interface Output {
	notes: number;
	passages: number;
	writeMs: number;
	loadMs: number;
	indexMs: number;
	/** Reading the same records stored without passage texts. */
	loadWithoutTextsMs: number;
	/** Building the keyword index from the texts read: wall time, and CPU time (steadier on a shared machine). */
	lexicalMs: number;
	lexicalCpuMs: number;
	/** Characters of passage text stored, in millions. */
	textMChars: number;
}

/**
 * Passage texts of ordinary English words (the synthetic notes' vocabulary) plus a few names
 * drawn from 50,000, so the keyword index has a vault-sized vocabulary of rare words.
 */
function passageTexts(count: number, rand: () => number): string[] {
	const words = syntheticNotes(200, 5)
		.map((n) => n.markdown)
		.join(' ')
		.split(/\s+/)
		.filter(Boolean);
	return Array.from({ length: count }, () => {
		const start = Math.floor(rand() * (words.length - WORDS_PER_PASSAGE));
		const names = Array.from({ length: 5 }, () => `name${Math.floor(rand() * 50_000)}`);
		return [...words.slice(start, start + WORDS_PER_PASSAGE - names.length), ...names].join(' ');
	});
}

async function write(dbName: string, records: NoteRecord[]): Promise<number> {
	const writer = new IdbVectorStore(dbName);
	const t0 = now();
	// Written in batches like the indexer does, so no single transaction holds everything.
	for (let start = 0; start < records.length; start += 500) await writer.putMany(records.slice(start, start + 500));
	const ms = now() - t0;
	await writer.close();
	return ms;
}

async function read(dbName: string): Promise<{ records: NoteRecord[]; ms: number }> {
	// A fresh store object opens its own connection: the plugin's startup path.
	const t0 = now();
	const reader = new IdbVectorStore(dbName);
	const records = await reader.all();
	const ms = now() - t0;
	await reader.close();
	return { records, ms };
}

runPart<Input, Output>(async ({ notes, passagesPerNote }) => {
	const rand = seededRandom(3);
	const texts = passageTexts(notes * passagesPerNote, rand);
	const records: NoteRecord[] = [];
	for (let n = 0; n < notes; n++) {
		const vectors = new Float32Array(passagesPerNote * DIM);
		for (let p = 0; p < passagesPerNote; p++) randomUnitVector(DIM, rand, vectors, p * DIM);
		records.push({
			path: `folder-${n % 40}/note ${n}.md`,
			mtime: 1_700_000_000_000 + n,
			size: 1200,
			hash: n.toString(16).padStart(16, '0'),
			passages: Array.from({ length: passagesPerNote }, (_, p) => ({ heading: `Heading ${p}`, start: p * 400, end: p * 400 + 399, snippet: 'A short excerpt of the passage shown in results, about this long.' })),
			vectors,
			texts: texts.slice(n * passagesPerNote, (n + 1) * passagesPerNote),
		});
	}
	const writeMs = await write('bench-idb', records);
	await write('bench-idb-no-texts', records.map(({ texts: _texts, ...r }) => r));

	const without = await read('bench-idb-no-texts');
	const { records: loaded, ms: loadMs } = await read('bench-idb');
	const t2 = now();
	const index = SearchIndex.fromRecords(DIM, loaded);
	const indexMs = now() - t2;
	const t3 = now();
	const cpu = process.cpuUsage();
	const lexical = await LexicalIndex.fromRecords(loaded);
	const lexicalMs = now() - t3;
	const used = process.cpuUsage(cpu);
	const lexicalCpuMs = (used.user + used.system) / 1000;
	if (loaded.length !== notes || index.passageCount !== notes * passagesPerNote || lexical.passageCount !== index.passageCount || without.records.length !== notes) {
		throw new Error(`read back ${loaded.length} notes / ${index.passageCount} passages / ${lexical.passageCount} keyword passages`);
	}
	const textMChars = texts.reduce((n, t) => n + t.length, 0) / 1e6;
	return { notes, passages: index.passageCount, writeMs, loadMs, indexMs, loadWithoutTextsMs: without.ms, lexicalMs, lexicalCpuMs, textMChars };
});
