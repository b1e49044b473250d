/**
 * Startup cost of a 10k-note vault: open the real IndexedDB store (fake-indexeddb in Node),
 * read every record and build the search index from them — what the plugin does before the
 * first search. fake-indexeddb is pure JS and slower than Chromium's, so this is an upper bound
 * for the read part; the browser e2e test exercises the real thing.
 */
import 'fake-indexeddb/auto';
import { IdbVectorStore } from '../../src/core/store/idb-store';
import type { NoteRecord } from '../../src/core/store/types';
import { SearchIndex } from '../../src/core/search/search-index';
import { now, runPart } from './part';
import { randomUnitVector, seededRandom } from './stats';

const DIM = 384;

interface Input {
	notes: number;
	passagesPerNote: number;
}

runPart<Input, { notes: number; passages: number; writeMs: number; loadMs: number; indexMs: number }>(async ({ notes, passagesPerNote }) => {
	const rand = seededRandom(3);
	const writer = new IdbVectorStore('bench-idb');
	const t0 = now();
	// Written in batches like the indexer does, so no single transaction holds everything.
	for (let start = 0; start < notes; start += 500) {
		const batch: NoteRecord[] = [];
		for (let n = start; n < Math.min(notes, start + 500); n++) {
			const vectors = new Float32Array(passagesPerNote * DIM);
			for (let p = 0; p < passagesPerNote; p++) randomUnitVector(DIM, rand, vectors, p * DIM);
			batch.push({
				path: `folder-${n % 40}/note ${n}.md`,
				mtime: 1_700_000_000_000 + n,
				size: 1200,
				hash: n.toString(16).padStart(16, '0'),
				passages: Array.from({ length: passagesPerNote }, (_, p) => ({ heading: `Heading ${p}`, start: p * 400, end: p * 400 + 399, snippet: 'A short excerpt of the passage shown in results, about this long.' })),
				vectors,
			});
		}
		await writer.putMany(batch);
	}
	const writeMs = now() - t0;
	await writer.close();

	// A fresh store object opens its own connection: the plugin's startup path.
	const t1 = now();
	const reader = new IdbVectorStore('bench-idb');
	const records = await reader.all();
	const loadMs = now() - t1;
	const t2 = now();
	const index = SearchIndex.fromRecords(DIM, records);
	const indexMs = now() - t2;
	if (records.length !== notes || index.passageCount !== notes * passagesPerNote) throw new Error(`read back ${records.length} notes / ${index.passageCount} passages`);
	await reader.close();
	return { notes, passages: index.passageCount, writeMs, loadMs, indexMs };
});
