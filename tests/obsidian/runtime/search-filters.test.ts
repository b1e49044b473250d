import { describe, expect, it } from 'vitest';
import type { RuntimeContext } from '../../../src/obsidian/runtime/ports';
import { defaultSettings } from '../../../src/obsidian/runtime/settings';
import { asApp } from '../../helpers/obsidian-harness';
import { fakeEngineRuntime, usedAnywayModelChecks } from '../../helpers/obsidian-runtime';
import { App } from '../../shims/obsidian';

const NOTES: Record<string, string> = {
	'Garden/Tomatoes.md': '---\ntags: [veg, summer]\n---\n# Tomatoes\nWater the tomato plants every morning.',
	'Garden/Basil.md': '# Basil\nWater the basil in pots. #herbs/kitchen',
	'Work/Plants.md': '# Office plants\nWater the office plants on Fridays. #veg',
};

/** The paths of the results (or, with `list` 'containsWords', of the keyword section), sorted. */
async function searchIn(query: string, threshold = -1, list: 'results' | 'containsWords' = 'results'): Promise<string[]> {
	const app = new App();
	for (const [path, text] of Object.entries(NOTES)) await app.vault.create(path, text);
	const settings = { ...defaultSettings('.obsidian'), threshold };
	const context: RuntimeContext = { app: asApp(app), pluginDir: '.obsidian/plugins/semantic-note-search', signal: new AbortController().signal, modelChecks: usedAnywayModelChecks(), settings: () => settings, onModelError: () => undefined };
	const runtime = fakeEngineRuntime().factory(context);
	await runtime.index.sync();
	const answer = await runtime.search.search(query);
	await runtime.dispose();
	return (answer[list] ?? []).map((r) => r.path).sort();
}

describe('search filters in the query (path:, tag:)', () => {
	it('restricts to notes under a path', async () => {
		expect(await searchIn('path:Garden/ water the plants')).toEqual(['Garden/Basil.md', 'Garden/Tomatoes.md']);
	});

	it('restricts to notes with a tag, from frontmatter or the body, nested tags included', async () => {
		expect(await searchIn('tag:#veg water the plants')).toEqual(['Garden/Tomatoes.md', 'Work/Plants.md']);
		expect(await searchIn('tag:herbs water')).toEqual(['Garden/Basil.md']);
		expect(await searchIn('path:Garden tag:veg water')).toEqual(['Garden/Tomatoes.md']);
	});

	it('applies to the "Contains your words" section too', async () => {
		// No note reaches a threshold of 1; "morning" and "fridays" are each in one note: rare words.
		expect(await searchIn('morning fridays', 1, 'containsWords')).toEqual(['Garden/Tomatoes.md', 'Work/Plants.md']);
		expect(await searchIn('path:Garden/ morning fridays', 1, 'containsWords')).toEqual(['Garden/Tomatoes.md']);
		expect(await searchIn('tag:#veg morning fridays', 1, 'containsWords')).toEqual(['Garden/Tomatoes.md', 'Work/Plants.md']);
		expect(await searchIn('tag:herbs morning fridays', 1, 'containsWords')).toEqual([]);
	});

	it('searches unknown operators as words instead of failing', async () => {
		expect(await searchIn('folder:Garden water the plants')).toEqual(['Garden/Basil.md', 'Garden/Tomatoes.md', 'Work/Plants.md']);
	});
});

describe('related notes with "Hide notes already linked"', () => {
	it('leaves out notes linked in either direction, and only while the setting is on', async () => {
		const app = new App();
		await app.vault.create('Garden/Tomatoes.md', '# Tomatoes\nWater the tomato plants. See [[Basil]].');
		await app.vault.create('Garden/Basil.md', '# Basil\nWater the basil plants.');
		await app.vault.create('Garden/Peppers.md', '# Peppers\nWater the pepper plants, like [[Tomatoes|the tomatoes]].');
		await app.vault.create('Garden/Beans.md', '# Beans\nWater the bean plants.');
		let settings = { ...defaultSettings('.obsidian'), threshold: -1 };
		const context: RuntimeContext = { app: asApp(app), pluginDir: '.obsidian/plugins/semantic-note-search', signal: new AbortController().signal, modelChecks: usedAnywayModelChecks(), settings: () => settings, onModelError: () => undefined };
		const runtime = fakeEngineRuntime().factory(context);
		await runtime.index.sync();
		const related = async () => (await runtime.search.related('Garden/Tomatoes.md')).results.map((r) => r.path).sort();
		expect(await related()).toEqual(['Garden/Basil.md', 'Garden/Beans.md', 'Garden/Peppers.md']);
		settings = { ...settings, hideLinked: true };
		expect(await related()).toEqual(['Garden/Beans.md']);
		await runtime.dispose();
	});
});
