import { describe, expect, it } from 'vitest';
import { embedWindow, SYSTEMIC_FAILURES, type FailureStreak, type PreparedNote } from '../../../src/core/index/embed-window';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { FlakyEmbedder } from '../../helpers/vault-fixtures';

const DIM = 8;

function note(path: string, texts: string[], failure?: string): PreparedNote {
	const passages = texts.map((text, i) => ({ text, heading: '', start: i * 10, end: i * 10 + text.length, wordPieces: text.split(' ').length }));
	return { path, mtime: 1, size: 1, hash: `h-${path}`, title: path.replace(/\.md$/, ''), passages, ...(failure ? { failure } : {}) };
}

/** Records every embedding call's batch, so batching can be checked. */
class RecordingEmbedder extends FakeEmbedder {
	batches: string[][] = [];
	override embed(texts: readonly string[]) {
		this.batches.push([...texts]);
		return super.embed(texts);
	}
}

const open = () => Promise.resolve(true);

describe('embedWindow', () => {
	it('embeds every passage once, shortest first in batches of at most maxBatch, and stores each vector at its passage', async () => {
		const embedder = new RecordingEmbedder({ dim: DIM });
		const notes = [note('a.md', ['one two three four five', 'one']), note('b.md', ['one two', 'one two three'])];
		const result = await embedWindow(notes, { embedder, maxBatch: 2, gate: open }, { count: 0 });
		expect(result.embedded).toBe(4);
		expect(embedder.batches.flat().sort()).toEqual(notes.flatMap((n) => n.passages.map((p) => p.text)).sort());
		expect(embedder.batches.every((b) => b.length <= 2)).toBe(true);
		const lengths = embedder.batches.flat().map((t) => t.split(' ').length);
		expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
		const [a] = result.records;
		expect(a.vectors.subarray(DIM, 2 * DIM)).toEqual(embedder.vector('one'));
		expect(result.records.map((r) => r.path)).toEqual(['a.md', 'b.md']);
	});

	it('records a note that could not be read or chunked with its reason and no vectors, embedding nothing for it', async () => {
		const embedder = new RecordingEmbedder({ dim: DIM });
		const result = await embedWindow([note('bad.md', [], 'read failed: EACCES')], { embedder, maxBatch: 32, gate: open }, { count: 0 });
		expect(result.records).toEqual([{ path: 'bad.md', mtime: 1, size: 1, hash: 'h-bad.md', passages: [], vectors: new Float32Array(0), failure: 'read failed: EACCES' }]);
		expect(embedder.batches).toEqual([]);
	});

	it('retries the notes of a failed batch one by one, so one bad note does not fail its neighbours', async () => {
		const embedder = new FlakyEmbedder({ dim: DIM });
		embedder.poison = /poison/;
		const streak: FailureStreak = { count: 0 };
		const result = await embedWindow([note('good.md', ['fine words']), note('bad.md', ['poison words']), note('also.md', ['more words'])], { embedder, maxBatch: 32, gate: open }, streak);
		expect(result.records.map((r) => [r.path, r.failure])).toEqual([
			['good.md', undefined],
			['bad.md', 'embedding failed: poisoned passage'],
			['also.md', undefined],
		]);
		expect(result.unavailable).toBeUndefined();
		expect(streak.count).toBe(0);
	});

	it(`stops after ${SYSTEMIC_FAILURES} notes failing in a row and records none of them: the embedder is broken, not the notes`, async () => {
		const embedder = new FlakyEmbedder({ dim: DIM });
		embedder.failAfterCalls = 0;
		const notes = Array.from({ length: SYSTEMIC_FAILURES }, (_, i) => note(`n${i}.md`, [`text ${i}`]));
		const result = await embedWindow(notes, { embedder, maxBatch: 32, gate: open }, { count: 0 });
		expect(result.unavailable?.message).toMatch(/embedder crashed/);
		expect(result.records).toEqual([]);
	});

	it('returns nothing once cancelled: the window is not committed', async () => {
		const embedder = new RecordingEmbedder({ dim: DIM });
		const result = await embedWindow([note('a.md', ['one'])], { embedder, maxBatch: 32, gate: () => Promise.resolve(false) }, { count: 0 });
		expect(result).toEqual({ records: [], embedded: 0, cancelled: true });
		expect(embedder.batches).toEqual([]);
	});
});
