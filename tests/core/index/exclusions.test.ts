import { describe, expect, it } from 'vitest';
import { createExclusions, defaultExclusionPatterns } from '../../../src/core/index/exclusions';

describe('createExclusions', () => {
	const ex = createExclusions([...defaultExclusionPatterns(), 'Private', 'Archive/2020/', 'Daily/**/*.tmp.md', 'drafts*/', '# a comment', '']);

	it.each([
		['.obsidian/workspace.md', true],
		['.obsidian', false],
		['notes/.obsidian/x.md', false],
		['Drawing.excalidraw.md', true],
		['deep/folder/Sketch.excalidraw.md', true],
		['excalidraw.md', false],
		['Private/Diary.md', true],
		['Private.md', false],
		['PrivateStuff/a.md', false],
		['Archive/2020/a.md', true],
		['Archive/2021/a.md', false],
		['Daily/2023/01/x.tmp.md', true],
		['Daily/x.tmp.md', true],
		['Daily/x.md', false],
		['drafts-old/note.md', true],
		['notes/drafts2/note.md', true],
		['drafts.md', false],
	])('%s excluded: %s', (path, excluded) => {
		expect(ex.isExcluded(path)).toBe(excluded);
	});

	it('honours a custom config folder and ignores blank and comment lines', () => {
		const custom = createExclusions(defaultExclusionPatterns('.config'));
		expect(custom.isExcluded('.config/app.md')).toBe(true);
		expect(custom.isExcluded('.obsidian/app.md')).toBe(false);
		expect(ex.patterns).not.toContain('');
		expect(ex.patterns).not.toContain('# a comment');
	});

	it('treats a plain name as a folder or an exact note path', () => {
		const e = createExclusions(['Inbox/Secret.md', '/Leading']);
		expect(e.isExcluded('Inbox/Secret.md')).toBe(true);
		expect(e.isExcluded('Inbox/Secret.md.bak.md')).toBe(false);
		expect(e.isExcluded('Leading/x.md')).toBe(true);
	});

	it('with !-lines keeps only the parts of the vault they name, and still excludes inside them', () => {
		const ex = createExclusions(['!Projects/', '!Areas/Health', 'Projects/Archive/']);
		expect(ex.isExcluded('Projects/AI/MCP.md')).toBe(false);
		expect(ex.isExcluded('Areas/Health/Sleep.md')).toBe(false);
		expect(ex.isExcluded('Areas/Finance/Budget.md')).toBe(true);
		expect(ex.isExcluded('Home.md')).toBe(true);
		expect(ex.isExcluded('Projects/Archive/Old.md')).toBe(true);
		// Without a !-line nothing is kept out for not being listed.
		expect(createExclusions(['Archive/']).isExcluded('Home.md')).toBe(false);
	});
});

