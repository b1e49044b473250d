import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { localWindows } from '../../../src/core/index/window-port';
import { IdbVectorStore } from '../../../src/core/store/idb-store';
import { Indexer } from '../../../src/core/index/indexer';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { MemoryNoteSource, syntheticVault } from '../../helpers/vault-fixtures';

describe('indexing a 1,000-note vault', () => {
	it('embeds every passage in capped, length-sorted batches, and a second run embeds nothing', async () => {
		const source = new MemoryNoteSource(syntheticVault(1000, 42));
		const embedder = new FakeEmbedder();
		const batchSizes: number[] = [];
		const lengthSorted: boolean[] = [];
		const embed = embedder.embed.bind(embedder);
		embedder.embed = (texts) => {
			batchSizes.push(texts.length);
			const lengths = texts.map((t) => embedder.tokenizer.countWordPieces(t));
			lengthSorted.push(lengths.every((l, i) => i === 0 || l >= lengths[i - 1]));
			return embed(texts);
		};
		const store = new IdbVectorStore(`semantic-note-search/scale-${Date.now()}`);
		const make = () => new Indexer({ source, store, embedder, windows: localWindows(embedder) });
		const t0 = performance.now();
		const first = await make().run();
		const firstSeconds = (performance.now() - t0) / 1000;
		const t1 = performance.now();
		const second = await make().run();
		const secondSeconds = (performance.now() - t1) / 1000;
		process.stdout.write(
			`1,000 notes: ${first.chunks} passages, ${first.embedded} embedded in ${firstSeconds.toFixed(2)} s ` +
				`(${embedder.calls} embed calls, largest batch ${Math.max(...batchSizes)}); second run: ${second.embedded} embedded, ${second.reused} reused in ${secondSeconds.toFixed(2)} s\n`,
		);
		expect(first.notes).toBe(1000);
		expect(first.embedded).toBe(first.chunks);
		expect(first.failed).toEqual([]);
		expect(embedder.embeddedTexts).toHaveLength(first.embedded);
		// Batches are capped and hold passages of similar length, so little is spent on padding
		// (32 is a cap, not a target: a batch also ends where it would pad too much).
		expect(Math.max(...batchSizes)).toBeLessThanOrEqual(32);
		expect(lengthSorted.every(Boolean)).toBe(true);
		expect(second.embedded).toBe(0);
		expect(second.reused).toBe(1000);
	});
});
