import { describe, expect, it } from 'vitest';
import { indexWindow } from '../../../src/core/index/index-window';
import { MAX_PASSAGES_PER_NOTE } from '../../../src/core/index/passage-cap';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { FlakyEmbedder } from '../../helpers/vault-fixtures';

const DIM = 8;
const open = () => Promise.resolve(true);

/** Records the word-piece rows of every model call. */
class RecordingEmbedder extends FakeEmbedder {
	batches: number[][][] = [];
	override embedWordPieces(rows: readonly (readonly number[])[]) {
		this.batches.push(rows.map((r) => [...r]));
		return super.embedWordPieces(rows);
	}
}

describe('indexWindow', () => {
	it('tokenizes each passage once and embeds all passages, shortest first, in batches of at most maxBatch', async () => {
		const engine = new RecordingEmbedder({ dim: DIM });
		const notes = [
			{ path: 'a.md', title: 'a', markdown: 'One two three four five six seven.\n\n# Next\n\nOne.' },
			{ path: 'b.md', title: 'b', markdown: 'One two.\n\n# Other\n\nOne two three.' },
		];
		const out = await indexWindow(notes, engine, { maxBatch: 2, between: open });
		const texts = out.notes.flatMap((n) => (n.ok ? n.passages.map((p) => p.text) : []));
		expect(texts).toHaveLength(4);
		// Passage texts reach the tokenizer once each (units are measured separately, by the chunker).
		for (const t of texts) expect(engine.tokenizer.tokenized.filter((x) => x === t)).toHaveLength(1);
		expect(engine.batches.map((b) => b.length)).toEqual([2, 2]);
		const lengths = engine.batches.flat().map((r) => r.length);
		expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
		expect(out.embedded).toBe(4);
		const [a] = out.notes;
		if (!a.ok) throw new Error('a.md failed');
		expect(out.vectors.subarray((a.offset + 1) * DIM, (a.offset + 2) * DIM)).toEqual(engine.vector(a.passages[1].text));
	});

	it('checks between every batch and stops when told to, embedding nothing more', async () => {
		const engine = new RecordingEmbedder({ dim: DIM });
		const notes = ['x.md', 'y.md', 'z.md'].map((path) => ({ path, title: path, markdown: `Words of ${path}.` }));
		let checks = 0;
		const out = await indexWindow(notes, engine, { maxBatch: 1, between: () => Promise.resolve(++checks < 2) });
		expect(out.cancelled).toBe(true);
		expect(out.notes).toEqual([]);
		expect(engine.batches).toHaveLength(1);
	});

	it('reports progress after each batch', async () => {
		const engine = new FakeEmbedder({ dim: DIM });
		const notes = ['x.md', 'y.md'].map((path) => ({ path, title: path, markdown: `Words of ${path}.` }));
		const seen: [number, number][] = [];
		await indexWindow(notes, engine, { maxBatch: 1, between: open, progress: (done, total) => seen.push([done, total]) });
		expect(seen).toEqual([
			[1, 2],
			[2, 2],
		]);
	});

	it('isolates failures per note: a binary note fails chunking, a poisoned one embedding, the others succeed', async () => {
		const engine = new FlakyEmbedder({ dim: DIM });
		engine.poison = /poison/;
		const binary = new TextDecoder().decode(new Uint8Array(3000).map((_, i) => (i * 7919 + 13) % 256));
		const notes = [
			{ path: 'good.md', title: 'good', markdown: 'Fine words.' },
			{ path: 'bin.md', title: 'bin', markdown: binary },
			{ path: 'bad.md', title: 'bad', markdown: 'poison words' },
		];
		const out = await indexWindow(notes, engine, { maxBatch: 32, between: open });
		expect(out.notes.map((n) => (n.ok ? 'ok' : `${n.stage}: ${n.failure.split(':')[0]}`))).toEqual(['ok', 'chunk: chunking failed', 'embed: embedding failed']);
		expect(out.notes[0]).toMatchObject({ ok: true, retried: true });
	});

	it(`keeps a note's first ${MAX_PASSAGES_PER_NOTE} passages and says so`, async () => {
		const engine = new FakeEmbedder({ dim: DIM, maxTokens: 8 });
		const markdown = Array.from({ length: MAX_PASSAGES_PER_NOTE + 5 }, (_, i) => `# H${i}\n\nWords ${i}.`).join('\n\n');
		const out = await indexWindow([{ path: 'long.md', title: 'long', markdown }], engine, { maxBatch: 32, between: open });
		expect(out.notes[0]).toMatchObject({ ok: true, notice: expect.stringMatching(/^partly indexed: first 256 of/) as unknown });
		expect(out.embedded).toBe(MAX_PASSAGES_PER_NOTE);
	});
});
