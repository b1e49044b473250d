import { describe, expect, it } from 'vitest';
import { EditDebouncer } from '../../../src/core/index/edit-debouncer';
import type { VaultFile } from '../../../src/core/index/types';
import { ManualClock } from '../../helpers/vault-fixtures';

const file = (path: string, mtime = 1): VaultFile => ({ path, mtime, size: 1 });

/** A debouncer whose batches wait in a queue until the test starts them, like the indexer's work queue. */
function setup(delay = 100) {
	const clock = new ManualClock();
	const queued: (() => VaultFile[])[] = [];
	const debouncer = new EditDebouncer(clock, delay, (take) => queued.push(take));
	return { clock, queued, debouncer };
}

describe('EditDebouncer', () => {
	it('hands a note over once it has been quiet for the delay, with its latest version', () => {
		const { clock, queued, debouncer } = setup();
		debouncer.changed(file('a.md', 1));
		clock.advance(60);
		debouncer.changed(file('a.md', 2));
		clock.advance(60);
		expect(queued).toHaveLength(0);
		clock.advance(40);
		expect(queued).toHaveLength(1);
		expect(queued[0]()).toEqual([file('a.md', 2)]);
	});

	it('gathers notes coming due while a batch waits into that batch', () => {
		const { clock, queued, debouncer } = setup();
		debouncer.changed(file('a.md'));
		clock.advance(100);
		debouncer.changed(file('b.md'));
		clock.advance(100);
		expect(queued).toHaveLength(1);
		expect(queued[0]().map((f) => f.path)).toEqual(['a.md', 'b.md']);
		expect(debouncer.size).toBe(0);
	});

	it('forgets a dropped edit, whether waiting or due', () => {
		const { clock, queued, debouncer } = setup();
		debouncer.changed(file('waiting.md'));
		debouncer.drop('waiting.md');
		clock.advance(100);
		expect(queued).toHaveLength(0);
		debouncer.changed(file('due.md'));
		clock.advance(100);
		debouncer.drop('due.md');
		expect(queued[0]()).toEqual([]);
	});

	it('flush ends every quiet time at once; waitingPaths lists only notes still quiet', () => {
		const { clock, queued, debouncer } = setup();
		debouncer.changed(file('a.md'));
		clock.advance(100);
		debouncer.changed(file('b.md'));
		expect(debouncer.waitingPaths()).toEqual(['b.md']);
		expect([debouncer.has('a.md'), debouncer.has('b.md'), debouncer.size]).toEqual([true, true, 2]);
		debouncer.flush();
		expect(queued[0]().map((f) => f.path)).toEqual(['a.md', 'b.md']);
	});

	it('does nothing after dispose', () => {
		const { clock, queued, debouncer } = setup();
		debouncer.changed(file('a.md'));
		debouncer.dispose();
		debouncer.changed(file('b.md'));
		clock.advance(1000);
		expect([queued.length, debouncer.size, clock.pending]).toEqual([0, 0, 0]);
	});
});
