import { describe, expect, it } from 'vitest';
import { formatTimeLeft, noteName, progressText } from '../../../src/obsidian/ui/progress-text';

describe('progress text', () => {
	it('shows done/total with separators, time left and the note name', () => {
		expect(progressText({ done: 120, total: 1000, secondsLeft: 125, current: 'Projects/Deep work.md', state: 'indexing' })).toBe(
			'Indexing 120/1,000 · 2 min left · Deep work',
		);
	});
	it('is empty when idle or cancelled and says paused when paused', () => {
		expect(progressText({ done: 0, total: 0, state: 'idle' })).toBe('');
		expect(progressText({ done: 3, total: 9, state: 'cancelled' })).toBe('');
		expect(progressText({ done: 3, total: 9, state: 'paused', current: 'x.md', secondsLeft: 5 })).toBe('Indexing paused 3/9');
	});
	it('rounds time left the way people read it', () => {
		expect(formatTimeLeft(12)).toBe('less than a minute left');
		expect(formatTimeLeft(89)).toBe('1 min left');
		expect(formatTimeLeft(3600)).toBe('1 h left');
		expect(formatTimeLeft(5400)).toBe('1 h 30 min left');
		expect(noteName('a/b/c.md')).toBe('c');
	});
});
