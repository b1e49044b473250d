import { describe, expect, it } from 'vitest';
import type { SemanticNoteSearchApi } from '../../../api/semantic-note-search';
import SemanticNoteSearchPlugin from '../../../src/main';
import { asObsidianManifest, manifest } from '../../helpers/obsidian-harness';
import { fakeEngineRuntime } from '../../helpers/obsidian-runtime';
import { App, startApp, type Plugin } from '../../shims/obsidian';
import type * as Obsidian from 'obsidian';

const NOTES: Record<string, string> = {
	'Garden/Tomatoes.md': '# Tomatoes\n\n## Watering\nWater the tomato plants every morning.',
	'Garden/Basil.md': '# Basil\nPinch basil flowers so basil keeps growing; water the basil too.',
	'Work/Standup.md': 'The team meeting covers blockers.',
};

async function started(options: { unavailable?: boolean } = {}) {
	const app = new App();
	app.pluginData.set(manifest.id, { threshold: 0.05 });
	const plugin = new SemanticNoteSearchPlugin(app as unknown as Obsidian.App, asObsidianManifest(manifest));
	plugin.createRuntime = fakeEngineRuntime(options).factory;
	await startApp(app, plugin as unknown as Plugin, NOTES);
	const api = (app.plugins.getPlugin(manifest.id) as unknown as { api?: SemanticNoteSearchApi } | null)?.api;
	if (!api) throw new Error('the plugin published no api');
	return { app, plugin, api };
}

describe('the API for other plugins', () => {
	it('is reached through app.plugins.getPlugin, at version 1, and searches once ready', async () => {
		const { api, plugin } = await started();
		expect(api.version).toBe(1);
		await api.ready();
		const hits = await api.search('water the tomato plants');
		expect(hits[0]).toEqual({ path: 'Garden/Tomatoes.md', score: expect.any(Number) as number, band: expect.stringMatching(/^(strong|related)$/) as string, heading: 'Tomatoes > Watering', snippet: expect.any(String) as string });
		expect(Object.keys(hits[0])).toEqual(['path', 'score', 'band', 'heading', 'snippet']);
		(plugin as unknown as Plugin).unload();
	});

	it('honours limit and threshold per call and lists related notes without the note itself', async () => {
		const { api, plugin } = await started();
		await api.ready();
		expect(await api.search('water', { limit: 1 })).toHaveLength(1);
		expect(await api.search('water', { threshold: 1 })).toEqual([]);
		const related = await api.related('Garden/Tomatoes.md', { threshold: -1 });
		expect(related.map((r) => r.path)).not.toContain('Garden/Tomatoes.md');
		expect(related.length).toBeGreaterThan(0);
		(plugin as unknown as Plugin).unload();
	});

	it('gives the "Contains your words" section apart from the results, with the filters applied to it too', async () => {
		const { api, plugin } = await started();
		await api.ready();
		// No note reaches a threshold of 1; "pinch" is in one note of three: a rare word.
		const answer = await api.searchWithWords('pinch', { threshold: 1 });
		expect(answer).toEqual({
			results: [],
			containsWords: [{ path: 'Garden/Basil.md', words: ['pinch'], heading: 'Basil', snippet: expect.stringContaining('Pinch basil flowers') as string }],
		});
		expect((await api.searchWithWords('path:Work/ pinch', { threshold: 1 })).containsWords).toEqual([]);
		await expect(api.searchWithWords('pinch', { limit: 0 })).rejects.toThrow(/limit must be a whole number/);
		(plugin as unknown as Plugin).unload();
	});

	it('gives each search result the sentences of its passage closest to the query when answers are asked for', async () => {
		const { api, plugin } = await started();
		await api.ready();
		const hits = await api.search('pinch the basil flowers', { answers: true, threshold: -1 });
		expect(hits.find((h) => h.path === 'Garden/Basil.md')?.answer).toEqual(['Pinch basil flowers so basil keeps growing; water the basil too.']);
		expect(hits.find((h) => h.path === 'Garden/Tomatoes.md')?.answer).toEqual(['Water the tomato plants every morning.']);
		await expect(api.search('water', { answers: 'yes' as unknown as boolean })).rejects.toThrow(/answers must be true or false, got yes/);
		(plugin as unknown as Plugin).unload();
	});

	it('rejects wrong arguments with a clear message', async () => {
		const { api, plugin } = await started();
		await expect(api.search('water', { limit: 0 })).rejects.toThrow(/limit must be a whole number from 1 to 10000, got 0/);
		await expect(api.search('water', { threshold: 2 })).rejects.toThrow(/threshold must be a number from -1 to 1, got 2/);
		await expect(api.search(42 as unknown as string)).rejects.toThrow(/query must be a string, got number/);
		(plugin as unknown as Plugin).unload();
	});

	it('says why when the model is unavailable, and is gone with the plugin', async () => {
		const { app, api, plugin } = await started({ unavailable: true });
		await expect(api.ready()).rejects.toThrow(/not available/);
		(plugin as unknown as Plugin).unload();
		expect(app.plugins.getPlugin(manifest.id)).toBeNull();
		await expect(api.search('water')).rejects.toThrow(/not running/);
	});
});
