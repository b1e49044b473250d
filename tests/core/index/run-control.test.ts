import { describe, expect, it } from 'vitest';
import { ProgressTracker } from '../../../src/core/index/progress-tracker';
import { RunControl } from '../../../src/core/index/run-control';
import { ManualClock } from '../../helpers/vault-fixtures';

function setup() {
	const tracker = new ProgressTracker(new ManualClock(), () => undefined);
	return { tracker, control: new RunControl(tracker) };
}

const settledWithin = async <T>(p: Promise<T>): Promise<T | 'pending'> => Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);

describe('RunControl', () => {
	it('lets a run through its gate unless paused, and holds it there until resumed', async () => {
		const { control, tracker } = setup();
		control.begin();
		expect(await control.gate()).toBe(true);
		control.pause();
		expect(tracker.snapshot.state).toBe('paused');
		const gate = control.gate();
		expect(await settledWithin(gate)).toBe('pending');
		control.resume();
		expect(await gate).toBe(true);
		expect(tracker.snapshot.state).toBe('indexing');
	});

	it('releases a paused run as cancelled, and the run ends as cancelled', async () => {
		const { control, tracker } = setup();
		control.begin();
		control.pause();
		const gate = control.gate();
		control.cancel();
		expect(await gate).toBe(false);
		control.end();
		expect(tracker.snapshot.state).toBe('cancelled');
	});

	it('ignores a cancel between runs, but a pause holds back the next run', async () => {
		const { control, tracker } = setup();
		control.cancel();
		control.pause();
		control.begin();
		expect(tracker.snapshot.state).toBe('paused');
		const gate = control.gate();
		control.resume();
		expect(await gate).toBe(true);
	});
});
