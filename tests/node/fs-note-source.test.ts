import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskVectorStore } from '../../src/node/disk-store';
import { FsNoteSource } from '../../src/node/fs-note-source';
import { inProcessEngine } from '../../src/core/session/in-process-engine';
import { openSession } from '../../src/core/session/index-session';
import { FakeEmbedder } from '../helpers/fake-embedder';

const dirs: string[] = [];
afterAll(async () => {
	for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('FsNoteSource', () => {
	it('lists markdown recursively with / paths and indexes into a disk store', async () => {
		const root = await mkdtemp(join(tmpdir(), 'nss-vault-'));
		dirs.push(root);
		await mkdir(join(root, 'A', 'B'), { recursive: true });
		await mkdir(join(root, '.obsidian'), { recursive: true });
		await writeFile(join(root, 'Top.md'), 'Top note text.');
		await writeFile(join(root, 'A', 'B', 'Deep.md'), '# Deep\n\nDeep note text.');
		await writeFile(join(root, 'A', 'image.png'), 'not a note');
		await writeFile(join(root, '.obsidian', 'x.md'), 'config');
		const source = new FsNoteSource(root);
		const files = await source.list();
		expect(files.map((f) => f.path)).toEqual(['.obsidian/x.md', 'A/B/Deep.md', 'Top.md']);
		expect(await source.read('A/B/Deep.md')).toContain('Deep note');
		await expect(source.read('../escape.md')).rejects.toThrow(/leaves the vault/);

		const storeDir = await mkdtemp(join(tmpdir(), 'nss-index-'));
		dirs.push(storeDir);
		const engine = new FakeEmbedder({ dim: 8 });
		const sync = async () => {
			const session = await openSession({ engine: inProcessEngine(engine), store: new DiskVectorStore(storeDir), source });
			const report = await session.sync();
			await session.dispose();
			return report;
		};
		const first = await sync();
		expect(first).toMatchObject({ notes: 2, chunks: 2, embedded: 2, reused: 0, renamed: 0, removed: 0, failed: [] });
		const second = await sync();
		expect(second).toMatchObject({ notes: 2, chunks: 2, embedded: 0, reused: 2 });
		expect(typeof second.seconds).toBe('number');
	});
});
