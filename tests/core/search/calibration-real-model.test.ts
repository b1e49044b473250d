/**
 * Real-weights tier for the calibration set: our engine (fp32, the plugin's pipeline) embeds the
 * set exactly as the plugin would (its chunker, its query normalisation), the plugin's SearchIndex
 * scores it, and every search and related-notes score must equal the sentence-transformers score
 * in fixtures/calibration-scores.json within 1e-5. That makes the thresholds fitted on the Python
 * scores valid for the plugin. Runs only when NOTE_SEARCH_MODEL_DIR names an exported model folder:
 *
 *   NOTE_SEARCH_MODEL_DIR=/path/to/all-MiniLM-L6-v2 npx vitest run tests/core/search/calibration-real-model.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedTexts, type EmbeddedTexts } from '../../../scripts/calibration/embedded-texts';
import { readCalibrationScores, readCalibrationSet } from '../../../scripts/calibration/read-set';
import { createNodeEngine, nodeModelFiles } from '../../../src/node/node-engine';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import type { NoteRecord } from '../../../src/core/store/types';
import { SearchIndex, type Calibration } from '../../../src/core/search';
import { realModel } from '../../helpers/real-model';

const model = realModel('calibration set');
const modelDir = model.available ? model.dir : undefined;
const TOLERANCE = 1e-5;
/** No filtering: every note with its score. */
const everything: Calibration = { threshold: -1, strong: 1 };

describe.skipIf(!modelDir)('calibration set with the real model (fp32): the plugin scores what Python scored', () => {
	const set = readCalibrationSet();
	const scores = readCalibrationScores(set);
	let engine: EmbeddingEngine;
	let texts: EmbeddedTexts;
	let index: SearchIndex;

	beforeAll(async () => {
		engine = await createNodeEngine({ files: nodeModelFiles(modelDir as string), dtype: 'fp32' });
		texts = embeddedTexts(set, engine.tokenizer);
		// One embed call for all passages: the engine batches them, as the indexer does.
		const vectors = await engine.embed(set.notes.flatMap((n) => texts.notes[n.id]));
		let next = 0;
		const records: NoteRecord[] = [];
		for (const note of set.notes) {
			const passages = texts.notes[note.id];
			const flat = new Float32Array(passages.length * engine.dim);
			passages.forEach((_, i) => flat.set(vectors[next++], i * engine.dim));
			records.push({
				path: note.id,
				mtime: 0,
				size: note.markdown.length,
				hash: note.id,
				passages: passages.map((text) => ({ heading: '', start: 0, end: 0, snippet: text.slice(0, 40) })),
				vectors: flat,
			});
		}
		index = SearchIndex.fromRecords(engine.dim, records);
	}, 600_000);
	afterAll(() => engine?.dispose());

	/** Largest |ours − Python| over one result list, with the note where it happens. */
	function worst(results: { path: string; score: number }[], python: ReadonlyMap<string, number>): { delta: number; note: string } {
		let out = { delta: 0, note: '' };
		for (const r of results) {
			const delta = Math.abs(r.score - (python.get(r.path) as number));
			if (!(delta <= out.delta)) out = { delta, note: r.path };
		}
		return out;
	}

	it('search: every query against every note within 1e-5 of sentence-transformers', async () => {
		let overall = { delta: 0, where: '' };
		for (const q of set.queries) {
			const [vector] = await engine.embed([texts.queries[q.id]]);
			const results = index.search(vector, { limit: set.notes.length, calibration: everything });
			expect(results).toHaveLength(set.notes.length);
			const w = worst(results, scores.search.get(q.id) as ReadonlyMap<string, number>);
			if (w.delta > overall.delta) overall = { delta: w.delta, where: `${q.id} → ${w.note}` };
		}
		console.warn(`[real-model tier] calibration search: max |Δ cosine| ${overall.delta.toExponential(2)} (${overall.where})`);
		expect(overall.delta, overall.where).toBeLessThanOrEqual(TOLERANCE);
	});

	it('related notes: every note against every other note within 1e-5 of sentence-transformers', () => {
		let overall = { delta: 0, where: '' };
		for (const note of set.notes) {
			const results = index.related(note.id, { limit: set.notes.length, calibration: everything });
			expect(results).toHaveLength(set.notes.length - 1);
			const w = worst(results, scores.related.get(note.id) as ReadonlyMap<string, number>);
			if (w.delta > overall.delta) overall = { delta: w.delta, where: `${note.id} → ${w.note}` };
		}
		console.warn(`[real-model tier] calibration related: max |Δ cosine| ${overall.delta.toExponential(2)} (${overall.where})`);
		expect(overall.delta, overall.where).toBeLessThanOrEqual(TOLERANCE);
	});
});
