import { describe, expect, it } from 'vitest';
import { createExclusions } from '../../../src/core/index/exclusions';
import { isUnchanged, matchRenames, planStartup, type KnownRecord } from '../../../src/core/index/plan';
import type { VaultFile } from '../../../src/core/index/types';

const file = (path: string, mtime = 1, size = 10): VaultFile => ({ path, mtime, size });
const known = (path: string, mtime = 1, size = 10, hash = `h-${path}`): KnownRecord => ({ path, mtime, size, hash, passages: 1 });
const byPath = (...records: KnownRecord[]) => new Map(records.map((r) => [r.path, r]));
const none = createExclusions([]);

describe('planStartup', () => {
	it('sorts what is listed and splits it into unchanged notes and work by mtime and size', () => {
		const plan = planStartup([file('b.md'), file('a.md', 2), file('c.md', 1, 11)], byPath(known('a.md'), known('b.md'), known('c.md')), none);
		expect(plan.listed.map((f) => f.path)).toEqual(['a.md', 'b.md', 'c.md']);
		expect(plan.unchanged).toBe(1);
		expect(plan.work.map((f) => f.path)).toEqual(['a.md', 'c.md']);
	});

	it('lists stored notes that vanished, and stored notes now excluded, apart', () => {
		const plan = planStartup([file('keep.md')], byPath(known('keep.md'), known('gone.md'), known('Private/x.md')), createExclusions(['Private/']));
		expect(plan.vanished.map((k) => k.path)).toEqual(['gone.md']);
		expect(plan.excluded).toEqual(['Private/x.md']);
	});

	it('never lists excluded files, stored or not', () => {
		const plan = planStartup([file('Private/new.md'), file('a.md')], new Map(), createExclusions(['Private/']));
		expect(plan.listed.map((f) => f.path)).toEqual(['a.md']);
		expect(plan.work.map((f) => f.path)).toEqual(['a.md']);
	});

	it('treats a note without a stored record as changed', () => {
		expect(isUnchanged(undefined, file('a.md'))).toBe(false);
		expect(isUnchanged(known('a.md'), file('a.md'))).toBe(true);
	});
});

describe('matchRenames', () => {
	it('pairs a new file with a vanished record of the same size and hash', async () => {
		const gone = known('old.md', 1, 10, 'same');
		const pairs = await matchRenames([file('new.md', 5, 10)], [gone], byPath(gone), () => Promise.resolve('same'));
		expect(pairs).toEqual([[gone, file('new.md', 5, 10)]]);
	});

	it('reads only files whose size matches a vanished record', async () => {
		const gone = known('old.md', 1, 10);
		const read: string[] = [];
		await matchRenames([file('other-size.md', 1, 99), file('same-size.md', 1, 10)], [gone], byPath(gone), (f) => {
			read.push(f.path);
			return Promise.resolve('different');
		});
		expect(read).toEqual(['same-size.md']);
	});

	it('reads nothing when nothing vanished (a first index)', async () => {
		let reads = 0;
		const pairs = await matchRenames([file('a.md')], [], new Map(), () => Promise.resolve(String(++reads)));
		expect([pairs, reads]).toEqual([[], 0]);
	});

	it('matches each vanished record once, skips unreadable files and files already stored', async () => {
		const gone = known('old.md', 1, 10, 'same');
		const stored = known('stored.md', 1, 10);
		const hashes: Record<string, string | undefined> = { 'unreadable.md': undefined, 'stored.md': 'same', 'first.md': 'same', 'second.md': 'same' };
		const pairs = await matchRenames(
			['unreadable.md', 'stored.md', 'first.md', 'second.md'].map((p) => file(p, 2, 10)),
			[gone],
			byPath(gone, stored),
			(f) => Promise.resolve(hashes[f.path]),
		);
		expect(pairs.map(([from, to]) => [from.path, to.path])).toEqual([['old.md', 'first.md']]);
	});
});
