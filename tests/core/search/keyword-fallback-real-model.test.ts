/**
 * Real-weights tier: is the keyword fallback worth showing? The calibration set (fixtures/calibration)
 * is indexed through the plugin's own session (chunker, real fp32 engine, vector and keyword index),
 * every query is searched as the search modal searches it (calibrated threshold, 20 results), and
 * recall@5 and MRR are printed for
 * - semantic only: the list the threshold lets through;
 * - lexical only: the keyword section's own rule (notes holding the query's rare words, best BM25
 *   first) without leaving out the semantic results;
 * - combined: the semantic list followed by the "Contains your words" section, as the modal shows them.
 * docs/CALIBRATION.md quotes the printed table. Assertions compare the lists with each other (the
 * combination must beat neither less than either) and check facts of the set itself, never the
 * printed numbers.
 *
 *   NOTE_SEARCH_MODEL_DIR=/path/to/all-MiniLM-L6-v2 npx vitest run tests/core/search/keyword-fallback-real-model.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCalibrationSet } from '../../../scripts/calibration/read-set';
import type { CalibrationQuery } from '../../../src/core/fixtures/calibration-set';
import { DEFAULT_CALIBRATIONS } from '../../../src/core/search/calibration';
import { listQuality, type ListedQuery, type RetrievalQuality } from '../../../src/core/search/retrieval-quality';
import type { WordMatch } from '../../../src/core/search/lexical-index';
import type { SearchOutcome } from '../../../src/core/search/query';
import { inProcessEngine } from '../../../src/core/session/in-process-engine';
import { openSession, type IndexSession } from '../../../src/core/session/index-session';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import { createNodeEngine, nodeModelFiles } from '../../../src/node/node-engine';
import { realModel } from '../../helpers/real-model';
import { MemoryNoteSource } from '../../helpers/vault-fixtures';

const model = realModel('keyword fallback on the calibration set');
/** The plugin's default "Number of results". */
const LIMIT = 20;
const search = { limit: LIMIT, calibration: DEFAULT_CALIBRATIONS.search };

describe.skipIf(!model.available)('keyword fallback on the calibration set with the real model (fp32)', () => {
	const set = readCalibrationSet();
	/** Note path (as embedded: the title is the file name) → calibration id. */
	const idOf = new Map(set.notes.map((n) => [`${n.topic}/${n.title}.md`, n.id]));
	let session: IndexSession;
	const answers = new Map<string, { outcome: SearchOutcome; lexical: WordMatch[] }>();

	beforeAll(async () => {
		const { dir } = model as Extract<typeof model, { available: true }>;
		const engine = await createNodeEngine({ files: nodeModelFiles(dir), dtype: 'fp32' });
		const source = new MemoryNoteSource(Object.fromEntries(set.notes.map((n) => [`${n.topic}/${n.title}.md`, n.markdown])));
		session = await openSession({ engine: inProcessEngine(engine), store: new MemoryVectorStore(), source });
		const report = await session.sync();
		expect(report.failed).toEqual([]);
		await session.lexicalIndex.ready;
		for (const q of set.queries) {
			const outcome = await session.search(q.text, search);
			const lexical = session.lexicalIndex.matches(q.text, { limit: set.notes.length });
			answers.set(q.id, { outcome, lexical });
		}
	}, 600_000);
	afterAll(() => session?.dispose());

	const ids = (paths: readonly string[]) => paths.map((p) => idOf.get(p) as string);
	type Answer = { outcome: SearchOutcome; lexical: WordMatch[] };
	const answer = (q: CalibrationQuery) => answers.get(q.id) as Answer;
	const lists = (queries: readonly CalibrationQuery[], pick: (a: Answer) => string[]): ListedQuery[] =>
		queries.map((q) => ({ ranked: ids(pick(answer(q))), relevant: q.relevant }));
	const semantic = (a: { outcome: SearchOutcome }) => a.outcome.results.map((r) => r.path);
	const lexical = (a: { lexical: WordMatch[] }) => a.lexical.map((m) => m.path);
	const combined = (a: { outcome: SearchOutcome }) => [...semantic(a), ...(a.outcome.containsWords ?? []).map((m) => m.path)];

	function measure(queries: readonly CalibrationQuery[]): Record<'semantic' | 'lexical' | 'combined', RetrievalQuality> {
		return { semantic: listQuality(lists(queries, semantic)), lexical: listQuality(lists(queries, lexical)), combined: listQuality(lists(queries, combined)) };
	}

	it('prints recall@5 and MRR of semantic only, lexical only and combined, and the combination is at least as good as either', () => {
		const groups: [string, CalibrationQuery[]][] = [
			['all queries', set.queries],
			['held-out half', set.queries.filter((q) => set.topics.get(q.topic) === 'held-out')],
			['not paraphrases', set.queries.filter((q) => !q.paraphrase)],
		];
		const rows: string[] = [];
		for (const [name, queries] of groups) {
			const m = measure(queries);
			const cell = (q: RetrievalQuality) => `${q.recallAtK.toFixed(4)} / ${q.mrr.toFixed(4)}`;
			rows.push(`| ${name} (${queries.length}) | ${cell(m.semantic)} | ${cell(m.lexical)} | ${cell(m.combined)} |`);
			for (const other of [m.semantic, m.lexical]) {
				expect(m.combined.recallAtK, name).toBeGreaterThanOrEqual(other.recallAtK);
				expect(m.combined.mrr, name).toBeGreaterThanOrEqual(other.mrr);
			}
		}
		// Where the section put a relevant note into the top 5, and by which words.
		const gains = set.queries.flatMap((q) => {
			const a = answer(q);
			const top = combined(a).slice(0, 5);
			return (a.outcome.containsWords ?? [])
				.filter((m) => top.includes(m.path) && q.relevant.includes(idOf.get(m.path) as string))
				.map((m) => `${q.id} → ${idOf.get(m.path)} (${m.words.join(', ')})`);
		});
		console.warn(
			[
				'[real-model tier] keyword fallback, recall@5 / MRR',
				'| queries | semantic only | lexical only | combined |',
				'|---|---|---|---|',
				...rows,
				`relevant notes the section brings into the top 5: ${gains.join('; ') || 'none'}`,
				sectionPrecision(),
			].join('\n'),
		);
	});

	/** How much of what the section shows is right: its rows over all queries, by judgement. */
	function sectionPrecision(): string {
		let rows = 0;
		let relevant = 0;
		let notRelevant = 0;
		for (const q of set.queries) {
			for (const m of answer(q).outcome.containsWords ?? []) {
				const id = idOf.get(m.path) as string;
				rows++;
				if (q.relevant.includes(id)) relevant++;
				else if (q.notRelevant.includes(id)) notRelevant++;
			}
		}
		return `section rows over ${set.queries.length} queries: ${rows} (${relevant} judged relevant, ${notRelevant} judged not relevant, ${rows - relevant - notRelevant} not judged)`;
	}

	it('keeps the threshold\'s promise: the semantic list only holds notes at or above it, and the section never repeats them', () => {
		for (const q of set.queries) {
			const { outcome } = answers.get(q.id) as { outcome: SearchOutcome };
			for (const r of outcome.results) expect(r.score).toBeGreaterThanOrEqual(search.calibration.threshold);
			const shown = new Set(semantic({ outcome }));
			for (const m of outcome.containsWords ?? []) expect(shown.has(m.path), `${q.id}: ${m.path}`).toBe(false);
		}
	});

	it('finds a paraphrase\'s notes by words only through function words, the only words the set lets them share', () => {
		// The set's own rule (tests/core/search/calibration-set.test.ts): a paraphrase shares no other word with its notes.
		const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'in', 'on', 'of', 'to', 'for', 'and', 'by', 'at', 'its', 'my', 'with', 'into', 'one']);
		for (const q of set.queries.filter((p) => p.paraphrase)) {
			for (const m of answer(q).lexical.filter((x) => q.relevant.includes(idOf.get(x.path) as string))) {
				expect(m.words.filter((w) => !FUNCTION_WORDS.has(w)), `${q.id} → ${m.path}`).toEqual([]);
			}
		}
	});
});
