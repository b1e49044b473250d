import { describe, expect, it } from 'vitest';
import { embedWindow, SYSTEMIC_FAILURES, type FailureStreak, type PreparedNote } from '../../../src/core/index/embed-window';
import { localWindows, type WindowControl, type WindowIndexer } from '../../../src/core/index/window-port';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { FlakyEmbedder } from '../../helpers/vault-fixtures';

const DIM = 8;

function note(path: string, markdown: string, failure?: string): PreparedNote {
	return { path, mtime: 1, size: 1, hash: `h-${path}`, title: path.replace(/\.md$/, ''), markdown, ...(failure ? { failure } : {}) };
}

const control = (between = () => Promise.resolve(true)): WindowControl => ({ maxBatch: 32, between, watch: () => () => undefined });

describe('embedWindow', () => {
	it('has the window chunked and embedded in one call and stores each passage with its vector', async () => {
		const embedder = new FakeEmbedder({ dim: DIM });
		const calls: string[][] = [];
		const local = localWindows(embedder);
		const run: WindowIndexer = (notes, c) => {
			calls.push(notes.map((n) => n.path));
			return local(notes, c);
		};
		const result = await embedWindow([note('a.md', 'First words.'), note('b.md', 'Second words.')], run, control(), { count: 0 });
		expect(calls).toEqual([['a.md', 'b.md']]);
		expect(result.embedded).toBe(2);
		expect(result.records.map((r) => [r.path, r.passages.length, r.failure])).toEqual([
			['a.md', 1, undefined],
			['b.md', 1, undefined],
		]);
		expect(result.records[1].vectors).toEqual(embedder.vector('b\n\nSecond words.'));
	});

	it('records a note that could not be read with its reason and no vectors, sending nothing of it', async () => {
		const embedder = new FakeEmbedder({ dim: DIM });
		const result = await embedWindow([note('bad.md', '', 'read failed: EACCES')], localWindows(embedder), control(), { count: 0 });
		expect(result.records).toEqual([{ path: 'bad.md', mtime: 1, size: 1, hash: 'h-bad.md', passages: [], vectors: new Float32Array(0), failure: 'read failed: EACCES' }]);
		expect(embedder.calls).toBe(0);
	});

	it('fails only the bad note of a failed batch, and its good neighbours reset the failure streak', async () => {
		const embedder = new FlakyEmbedder({ dim: DIM });
		embedder.poison = /poison/;
		const streak: FailureStreak = { count: 0 };
		const result = await embedWindow([note('good.md', 'fine words'), note('bad.md', 'poison words'), note('also.md', 'more words')], localWindows(embedder), control(), streak);
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
		const notes = Array.from({ length: SYSTEMIC_FAILURES }, (_, i) => note(`n${i}.md`, `text ${i}`));
		const result = await embedWindow(notes, localWindows(embedder), control(), { count: 0 });
		expect(result.unavailable?.message).toMatch(/embedder crashed/);
		expect(result.records).toEqual([]);
	});

	it('stops the run without recording anything when the window request itself fails (worker gone)', async () => {
		const run: WindowIndexer = () => Promise.reject(new Error('worker crashed'));
		const result = await embedWindow([note('a.md', 'one')], run, control(), { count: 0 });
		expect(result.records).toEqual([]);
		expect(result.unavailable).toMatchObject({ name: 'EmbedderUnavailableError', message: 'worker crashed' });
	});

	it('returns nothing once cancelled: the window is not committed', async () => {
		const embedder = new FakeEmbedder({ dim: DIM });
		const result = await embedWindow([note('a.md', 'one')], localWindows(embedder), control(() => Promise.resolve(false)), { count: 0 });
		expect(result).toEqual({ records: [], embedded: 0, cancelled: true });
		expect(embedder.calls).toBe(0);
	});
});
