import { describe, expect, it, vi } from 'vitest';
import type { RuntimeContext } from '../../../src/obsidian/runtime/ports';
import { defaultSettings, type SemanticSearchSettings } from '../../../src/obsidian/runtime/settings';
import { asApp } from '../../helpers/obsidian-harness';
import { fakeEngineRuntime, usedAnywayModelChecks } from '../../helpers/obsidian-runtime';
import { App, Notice } from '../../shims/obsidian';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import type { VectorStore } from '../../../src/core/store/types';

const NOTES: Record<string, string> = {
	'Garden/Tomatoes.md': '# Tomatoes\nWater the tomato plants every morning and stake the tomato vines.',
	'Garden/Basil.md': '# Basil\nPinch basil flowers so the basil plants keep growing leaves.',
	'Work/Standup.md': '# Standup\nThe team meeting covers blockers and sprint goals.',
	'Private/Diary.md': 'tomato tomato tomato secret diary',
	'.obsidian/ignored.md': 'tomato config',
};

async function setup(settingsPatch: Partial<SemanticSearchSettings> = {}, options: { unavailable?: boolean; store?: VectorStore } = {}) {
	const app = new App();
	for (const [p, t] of Object.entries(NOTES)) await app.vault.create(p, t);
	let settings: SemanticSearchSettings = { ...defaultSettings('.obsidian'), threshold: 0.1, exclusions: '.obsidian/\nPrivate/', ...settingsPatch };
	const modelErrors: unknown[] = [];
	const context: RuntimeContext = { app: asApp(app), pluginDir: '.obsidian/plugins/semantic-note-search', signal: new AbortController().signal, modelChecks: usedAnywayModelChecks(), settings: () => settings, onModelError: (e) => modelErrors.push(e) };
	const { factory, probe } = fakeEngineRuntime(options);
	const runtime = factory(context);
	const setSettings = (patch: Partial<SemanticSearchSettings>) => {
		settings = { ...settings, ...patch };
		runtime.settingsChanged();
	};
	return { app, runtime, probe, setSettings, modelErrors };
}

describe('vault runtime (real indexer, IndexedDB store and search; fake embedder)', () => {
	it('loads nothing until first use, then indexes the vault without excluded notes', async () => {
		const { runtime, probe } = await setup();
		expect(probe.loads).toBe(0);
		const report = await runtime.index.sync();
		expect(probe.loads).toBe(1);
		expect(report.notes).toBe(3);
		const status = await runtime.index.status();
		expect([status.indexed, status.failed]).toEqual([3, []]);
		expect(status.lastReport).toEqual(report);
	});

	it('indexes only the folders the user listed, still without excluded notes', async () => {
		const { runtime } = await setup({ onlyFolders: 'Garden\nPrivate/' });
		const report = await runtime.index.sync();
		// Private/ is listed but also excluded: the exclusions apply inside the kept folders.
		expect(report.notes).toBe(2);
		const { results } = await runtime.search.search('tomato');
		expect(results.map((r) => r.path).every((p) => p.startsWith('Garden/'))).toBe(true);
	});

	it('reads the stored index once when it starts: the search matrix and the start-up sync share that read', async () => {
		const store = new MemoryVectorStore();
		const first = await setup({}, { store });
		await first.runtime.index.sync();
		await first.runtime.dispose();
		let reads = 0;
		const all = store.all.bind(store);
		store.all = () => {
			reads++;
			return all();
		};
		const { runtime } = await setup({}, { store });
		expect((await runtime.index.sync()).embedded).toBe(0);
		expect((await runtime.search.search('tomato plants')).results[0]?.path).toBe('Garden/Tomatoes.md');
		expect(reads).toBe(1);
	});

	it('a search before any sync loads the model once and brings the index up to date in the background', async () => {
		const { runtime, probe } = await setup();
		await runtime.search.search('tomato plants');
		await vi.waitFor(async () => expect((await runtime.search.search('tomato plants')).results[0]?.path).toBe('Garden/Tomatoes.md'));
		expect(probe.loads).toBe(1);
	});

	it('searches by meaning with the user threshold and never returns excluded notes', async () => {
		const { runtime } = await setup();
		await runtime.index.sync();
		const answer = await runtime.search.search('tomato plants');
		expect(answer.results[0].path).toBe('Garden/Tomatoes.md');
		expect(answer.results.map((r) => r.path)).not.toContain('Private/Diary.md');
		expect(answer.results[0].snippet).not.toBe('');
		expect((await runtime.search.search('   ')).reason).toBe('empty-query');
	});

	it('related notes exclude the note itself and follow edits through the index', async () => {
		const { app, runtime } = await setup();
		await runtime.index.sync();
		const related = await runtime.search.related('Garden/Tomatoes.md');
		expect(related.results.map((r) => r.path)).not.toContain('Garden/Tomatoes.md');
		const changes = vi.fn();
		runtime.search.onIndexChange(changes);
		const standup = app.vault.getFileByPath('Work/Standup.md');
		if (standup) await app.vault.modify(standup, 'Water the tomato plants every morning and stake the tomato vines.');
		runtime.index.changed('Work/Standup.md');
		await vi.waitFor(() => expect(changes).toHaveBeenCalled());
		const after = await runtime.search.related('Garden/Tomatoes.md');
		expect(after.results[0].path).toBe('Work/Standup.md');
	});

	it('moves renamed notes and drops deleted ones without re-embedding', async () => {
		const { app, runtime, probe } = await setup();
		await runtime.index.sync();
		const embedded = probe.embedders[0].embeddedTexts.length;
		const basil = app.vault.getFileByPath('Garden/Basil.md');
		if (!basil) throw new Error('missing');
		await app.vault.rename(basil, 'Herbs/Basil.md');
		runtime.index.renamed('Garden/Basil.md', 'Herbs/Basil.md');
		await vi.waitFor(async () => expect((await runtime.search.search('basil flowers')).results[0]?.path).toBe('Herbs/Basil.md'));
		runtime.index.deleted('Herbs/Basil.md');
		await vi.waitFor(async () => expect((await runtime.search.search('basil flowers')).results.map((r) => r.path)).not.toContain('Herbs/Basil.md'));
		// Only queries were embedded after the sync: the note's vectors moved with it.
		expect(new Set(probe.embedders[0].embeddedTexts.slice(embedded))).toEqual(new Set(['basil flowers']));
	});

	it('rebuild drops the stored vectors and embeds everything again', async () => {
		const { runtime, probe } = await setup();
		await runtime.index.sync();
		const again = await runtime.index.sync();
		expect(again.embedded).toBe(0);
		const rebuilt = await runtime.index.rebuild();
		expect(rebuilt.embedded).toBeGreaterThan(0);
		expect(probe.loads).toBe(1);
	});

	it('reloads the model after a model setting changed and applies new exclusions', async () => {
		const { runtime, probe, setSettings } = await setup();
		await runtime.index.sync();
		setSettings({ exclusions: '.obsidian/\nPrivate/\nGarden/' });
		await vi.waitFor(async () => expect((await runtime.index.status()).indexed).toBe(1));
		setSettings({ dtype: 'q8' });
		await runtime.index.sync();
		expect(probe.loads).toBe(2);
		expect(probe.embedders[0].disposed).toBe(true);
	});

	it('gives the engine the Indexing threads setting as it is when a window starts, without reloading the model', async () => {
		const { runtime, probe, setSettings } = await setup({ indexingThreads: 4 });
		await runtime.index.sync();
		expect(probe.threads[0]()).toBe(4);
		setSettings({ indexingThreads: 2 });
		expect(probe.threads[0]()).toBe(2);
		expect(probe.loads).toBe(1);
	});

	it('tells the user why every note is embedded again after the dtype changed', async () => {
		Notice.shown = [];
		const { runtime, probe, setSettings } = await setup();
		await runtime.index.sync();
		const passages = probe.embedders[0].embeddedTexts.length;
		expect(passages).toBe(3);
		// A reindex the user asked for needs no explanation.
		await runtime.index.rebuild();
		expect(Notice.shown).toEqual([]);
		setSettings({ dtype: 'q8' });
		const report = await runtime.index.sync();
		expect(Notice.shown.map((n) => n.message)).toEqual(['Semantic note search: the model or its settings changed, so every note is being indexed again.']);
		// The new engine embedded every note again; nothing was reused from the fp32 vectors.
		expect(probe.embedders).toHaveLength(2);
		expect(probe.embedders[1].embeddedTexts).toHaveLength(passages);
		expect(report).toMatchObject({ embedded: passages, reused: 0 });
		expect((await runtime.search.search('tomato plants')).results[0]?.path).toBe('Garden/Tomatoes.md');
		// The next sync with the same settings is quiet.
		await runtime.index.sync();
		expect(Notice.shown).toHaveLength(1);
	});

	it('reports a missing model clearly and keeps working once it is fixed', async () => {
		const { runtime } = await setup({}, { unavailable: true });
		await expect(runtime.index.sync()).rejects.toThrow(/not available/);
		await expect(runtime.search.search('tomato')).rejects.toThrow(/not available/);
		expect((await runtime.index.status()).modelProblem).toMatch(/not available/);
	});

	it('starts a fresh engine after the worker crashed', async () => {
		const { runtime, probe } = await setup();
		await runtime.index.sync();
		probe.embedders[0].embed = () => Promise.reject(new Error('embedding worker failed: out of memory'));
		await expect(runtime.search.search('tomato plants')).rejects.toThrow(/^Search failed \(embedding worker failed: out of memory\)/);
		await vi.waitFor(() => expect(probe.embedders[0].disposed).toBe(true));
		expect((await runtime.search.search('tomato plants')).results[0]?.path).toBe('Garden/Tomatoes.md');
		expect(probe.loads).toBe(2);
	});

	it('terminates the engine and closes the store on dispose', async () => {
		const { runtime, probe } = await setup();
		await runtime.index.sync();
		await runtime.dispose();
		expect(probe.allDisposed()).toBe(true);
		await expect(runtime.search.search('tomato')).rejects.toThrow();
	});
});
