/**
 * The shipped cut-offs against the labelled calibration set (fixtures/calibration/, Python scores
 * in fixtures/calibration-scores.json): they must be what the method fits on the calibration half,
 * and this prints and checks how they do on the held-out half. Runs without Python or a model.
 */
import { describe, expect, it } from 'vitest';
import { readCalibrationScores, readCalibrationSet } from '../../../scripts/calibration/read-set';
import { DEFAULT_CALIBRATIONS, type CalibrationUse } from '../../../src/core/search/calibration';
import { RELATED_ABOVE_TARGET, UNRELATED_BELOW_TARGET } from '../../../src/core/search/calibration-fit';
import { calibrateUse, calibrationQuality, calibrationSamples } from '../../../src/core/search/calibration-samples';
import { retrievalQuality } from '../../../src/core/search/retrieval-quality';

const set = readCalibrationSet();
const scores = readCalibrationScores(set);
const USES: CalibrationUse[] = ['search', 'related'];
const samplesOf = (use: CalibrationUse, half: 'calibrate' | 'held-out') => calibrationSamples(set, scores, use).filter((s) => s.half === half);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

describe('the calibration set', () => {
	const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

	it('covers the size and topics the issue asks for', () => {
		expect(set.queries.length).toBeGreaterThanOrEqual(40);
		expect(set.pairs.length).toBeGreaterThanOrEqual(60);
		expect(set.topics.size).toBeGreaterThanOrEqual(10);
		for (const t of ['ai-tooling', 'skiing', 'cooking', 'personal-finance', 'health', 'programming', 'gardening']) expect(set.topics.has(t), t).toBe(true);
		const halves = [...set.topics.values()];
		expect(halves.filter((h) => h === 'calibrate').length).toBe(halves.length / 2);
		for (const acronym of ['mcp', 'llm', 'rag', 'etf']) expect(set.queries.some((q) => words(q.text).has(acronym)), acronym).toBe(true);
	});

	it('has near misses: MCP against HTTP servers, Telemark against cross-country skiing', () => {
		const mcp = set.queries.find((q) => q.id === 'mcp-servers');
		expect(mcp?.notRelevant).toContain('http-servers');
		expect(set.pairs).toContainEqual(expect.objectContaining({ a: 'telemark-basics', b: 'xc-classic', relation: 'unrelated' }));
	});

	it('has paraphrase queries that share no word with the notes they must find', () => {
		// Short function words do not count: sharing "a" or "in" is no shortcut for the model.
		const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'in', 'on', 'of', 'to', 'for', 'and', 'by', 'at', 'its', 'my', 'with', 'into', 'one']);
		const paraphrases = set.queries.filter((q) => q.paraphrase);
		expect(paraphrases.length).toBeGreaterThanOrEqual(8);
		for (const q of paraphrases) {
			for (const id of q.relevant) {
				const note = set.notes.find((n) => n.id === id);
				const noteWords = words(`${note?.title} ${note?.markdown}`);
				const shared = [...words(q.text)].filter((w) => !FUNCTION_WORDS.has(w) && noteWords.has(w));
				expect(shared, `${q.id} shares words with ${id}`).toEqual([]);
			}
		}
	});

	it('has scores from sentence-transformers, with the weights identified', () => {
		expect(scores.provenance.weightsSha256).toMatch(/^[0-9a-f]{64}$/);
		expect(Object.keys(scores.provenance.packages)).toEqual(expect.arrayContaining(['torch', 'sentence-transformers']));
	});
});

describe('DEFAULT_CALIBRATIONS', () => {
	it.each(USES)('%s: equals what the method fits on the calibration half (to the 4 committed decimals)', (use) => {
		const fitted = calibrateUse(samplesOf(use, 'calibrate'));
		const shipped = DEFAULT_CALIBRATIONS[use];
		expect(shipped.threshold).toBeCloseTo(fitted.threshold, 4);
		expect(shipped.strong).toBeCloseTo(fitted.strong, 4);
	});

	it('prints the calibration table (docs/CALIBRATION.md quotes it)', () => {
		const rows = USES.map((use) => {
			const c = DEFAULT_CALIBRATIONS[use];
			const fit = calibrationQuality(samplesOf(use, 'calibrate'), c);
			const held = calibrationQuality(samplesOf(use, 'held-out'), c);
			return `${use.padEnd(8)}threshold ${c.threshold}  calibrate ${pct(fit.unrelatedBelow)} / ${pct(fit.relatedAbove)}   held-out ${pct(held.unrelatedBelow)} / ${pct(held.relatedAbove)}`;
		});
		console.debug(`[calibration] use                       share of unrelated below / related above\n${rows.map((r) => `[calibration] ${r}`).join('\n')}`);
		expect(rows).toHaveLength(2);
	});

	it('search reaches the recall target on held-out topics and misses the unrelated one (documented)', () => {
		// Measured: 100 of 116 unrelated notes below (86.2 %, target 95 %), 29 of 32 relevant above.
		// The misses are near misses of the same field; see docs/CALIBRATION.md.
		const held = calibrationQuality(samplesOf('search', 'held-out'), DEFAULT_CALIBRATIONS.search);
		expect(held.relatedAbove).toBeGreaterThanOrEqual(RELATED_ABOVE_TARGET);
		expect(held.unrelatedBelow).toBeLessThan(UNRELATED_BELOW_TARGET);
		expect(held.unrelatedBelow).toBeCloseTo(100 / 116, 6);
	});

	it('related notes miss the recall target (documented in docs/CALIBRATION.md): these are the measured held-out shares', () => {
		// No single cut-off reaches both targets for note pairs with this model: same-hobby pairs
		// judged related (portrait lighting / exposure) score as low as 0.14, while near misses
		// judged unrelated (Telemark / cross-country) reach 0.47. Pinned so the docs stay true.
		const held = calibrationQuality(samplesOf('related', 'held-out'), DEFAULT_CALIBRATIONS.related);
		expect(held.unrelatedBelow).toBeCloseTo(26 / 28, 6);
		expect(held.relatedAbove).toBeCloseTo(9 / 14, 6);
	});
});

describe('retrieval quality of search on the calibration set (the baseline later ranking work must beat)', () => {
	it('ranks each query against every note by score: recall@5 and MRR', () => {
		const quality = retrievalQuality(set.queries.map((q) => ({ scores: scores.search.get(q.id) as ReadonlyMap<string, number>, relevant: q.relevant })));
		console.debug(`[calibration] retrieval over ${set.notes.length} notes, ${quality.queries} queries: recall@5 ${quality.recallAtK.toFixed(4)}, MRR ${quality.mrr.toFixed(4)}`);
		expect(quality.queries).toBe(set.queries.length);
		expect(quality.recallAtK).toBeCloseTo(0.9818, 4);
		expect(quality.mrr).toBeCloseTo(0.9497, 4);
	});
});
