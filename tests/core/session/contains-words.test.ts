import { describe, expect, it } from 'vitest';
import { inProcessEngine } from '../../../src/core/session/in-process-engine';
import { openSession, type IndexSession } from '../../../src/core/session/index-session';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import { FakeEmbedder } from '../../helpers/fake-embedder';
import { MemoryNoteSource } from '../../helpers/vault-fixtures';

/**
 * Ten notes, so "rare" (in at most one note in ten) means: in one note. Every note says "notes"
 * and "about"; only one says "Zanzibar", only one "Kubernetes".
 */
function vault(): Record<string, string> {
	const notes: Record<string, string> = {};
	for (let i = 0; i < 8; i++) notes[`Daily/Day ${i}.md`] = `# Day ${i}\nNotes about the day, number ${i}.`;
	notes['Travel/Trip.md'] = '# Trip\nNotes about a ferry to Zanzibar.';
	notes['Work/Cluster.md'] = '# Cluster\nNotes about the Kubernetes upgrade.';
	return notes;
}

/** A threshold no cosine reaches: every note is below it, so the keyword section alone answers. */
const NOTHING_SEMANTIC = { limit: 10, calibration: { threshold: 1.5, strong: 1.5 } };

async function open(store = new MemoryVectorStore(), source = new MemoryNoteSource(vault())): Promise<{ session: IndexSession; store: MemoryVectorStore; source: MemoryNoteSource }> {
	const session = await openSession({ engine: inProcessEngine(new FakeEmbedder({ dim: 16 })), store, source, debounceMs: 1 });
	await session.sync();
	return { session, store, source };
}

const wordPaths = async (session: IndexSession, query: string, options = NOTHING_SEMANTIC) =>
	((await session.search(query, options)).containsWords ?? []).map((m) => m.path);

describe('"Contains your words": the keyword section of search', () => {
	it('lists the notes below the threshold that contain the rare words of the query, with the words and the passage', async () => {
		const { session } = await open();
		const outcome = await session.search('ferry zanzibar', NOTHING_SEMANTIC);
		expect(outcome.results).toEqual([]);
		expect(outcome.reason).toBe('below-threshold');
		expect(outcome.containsWords).toEqual([
			expect.objectContaining({ path: 'Travel/Trip.md', words: ['ferry', 'zanzibar'], heading: 'Trip', snippet: 'Notes about a ferry to Zanzibar.' }),
		]);
	});

	it('ignores words most notes share: a query of common words has no section', async () => {
		const { session } = await open();
		expect(await wordPaths(session, 'notes about the day')).toEqual([]);
	});

	it('never repeats a note of the semantic list, and leaves out notes at or above the threshold', async () => {
		const { session } = await open();
		const everything = { limit: 10, calibration: { threshold: -1, strong: 1 } };
		const outcome = await session.search('zanzibar', everything);
		expect(outcome.results.map((r) => r.path)).toContain('Travel/Trip.md');
		expect(outcome.containsWords).toEqual([]);
		// Cut by the limit but above the threshold: still the semantic list's, not the section's.
		expect(await wordPaths(session, 'zanzibar', { ...everything, limit: 1 })).toEqual([]);
	});

	it('applies exclusions and filters to the section too', async () => {
		const { session } = await open();
		expect(await wordPaths(session, 'zanzibar', { ...NOTHING_SEMANTIC, exclude: (p: string) => p.startsWith('Travel/') } as typeof NOTHING_SEMANTIC)).toEqual([]);
	});

	it('follows edits: the old words go, the new ones are found', async () => {
		const { session, source } = await open();
		session.noteChanged(source.write('Travel/Trip.md', '# Trip\nNotes about a train to Samarkand.'));
		await session.flush();
		expect(await wordPaths(session, 'zanzibar')).toEqual([]);
		expect(await wordPaths(session, 'samarkand')).toEqual(['Travel/Trip.md']);
	});

	it('follows deletes and renames', async () => {
		const { session, source } = await open();
		await session.noteDeleted('Work/Cluster.md');
		source.delete('Work/Cluster.md');
		expect(await wordPaths(session, 'kubernetes')).toEqual([]);
		const from = 'Travel/Trip.md';
		await session.noteRenamed(from, source.rename(from, 'Travel/Ferry trip.md'));
		expect(await wordPaths(session, 'zanzibar')).toEqual(['Travel/Ferry trip.md']);
	});

	it('comes back from the store after a restart without reading or embedding a note', async () => {
		const first = await open();
		await first.session.dispose();
		const source = first.source;
		const readsBefore = source.reads;
		const session = await openSession({ engine: inProcessEngine(new FakeEmbedder({ dim: 16 })), store: first.store, source, debounceMs: 1 });
		expect(await wordPaths(session, 'kubernetes')).toEqual(['Work/Cluster.md']);
		expect(source.reads).toBe(readsBefore);
		expect(await session.sync()).toMatchObject({ embedded: 0 });
	});

	it('starts empty again on a rebuild and fills as the notes are embedded', async () => {
		const { session } = await open();
		await session.rebuild();
		expect(await wordPaths(session, 'kubernetes')).toEqual(['Work/Cluster.md']);
		expect(session.lexicalIndex.noteCount).toBe(10);
	});
});
