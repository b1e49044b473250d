import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/obsidian/runtime/settings';
import type { ModelCheckMemory, ModelCheckRecord } from '../../../src/obsidian/runtime/model-check';
import { localModelChecks } from '../../../src/obsidian/runtime/model-check-memory';
import type { RuntimeContext } from '../../../src/obsidian/runtime/ports';
import { asApp } from '../../helpers/obsidian-harness';
import { fakeEngineRuntime } from '../../helpers/obsidian-runtime';
import { App } from '../../shims/obsidian';

/** A memory that records what it was asked to keep. */
class MapMemory implements ModelCheckMemory {
	readonly records = new Map<string, ModelCheckRecord>();
	get(key: string): ModelCheckRecord | undefined {
		return this.records.get(key);
	}
	set(key: string, record: ModelCheckRecord): void {
		this.records.set(key, record);
	}
}

async function setup(memory: ModelCheckMemory) {
	const app = new App();
	await app.vault.create('Garden/Tomatoes.md', '# Tomatoes\nWater the tomato plants every morning.');
	const modelErrors: unknown[] = [];
	const settings = defaultSettings('.obsidian');
	const context: RuntimeContext = { app: asApp(app), pluginDir: '.obsidian/plugins/semantic-note-search', signal: new AbortController().signal, modelChecks: memory, settings: () => settings, onModelError: (e) => modelErrors.push(e) };
	const { factory, probe } = fakeEngineRuntime({ modelChecks: memory });
	return { app, runtime: factory(context), probe, modelErrors };
}

describe('the plugin checks its own model against Python', () => {
	it('holds indexing back when the model fails, naming the worst pair, until the user uses it anyway', async () => {
		// The fake embedder is a bag of words, not all-MiniLM-L6-v2: it cannot reproduce Python's values.
		const memory = new MapMemory();
		const { runtime, probe } = await setup(memory);
		await expect(runtime.index.sync()).rejects.toThrow(/^Model check: \d+ of 12 pairs match Python within 0\.001 \(fp32\)\. Worst: ".+" \/ ".+" scores -?\d\.\d{4}, Python -?\d\.\d{4}$/);
		expect(runtime.modelCheck().blocking).toBe(true);
		expect(runtime.modelProblem()).toMatch(/Use this model anyway/);
		expect(probe.allDisposed()).toBe(true);
		expect((await runtime.index.status()).indexed).toBe(0);

		const report = await runtime.useModelAnyway();
		expect(report.embedded).toBeGreaterThan(0);
		expect(runtime.modelCheck()).toMatchObject({ line: expect.stringMatching(/\(used anyway, as you chose\)$/) as string, blocking: false });
		expect([...memory.records.values()].map((r) => r.usedAnyway)).toEqual([true]);
		await runtime.dispose();
	});

	it('remembers the result per model files: a restart neither re-checks nor asks again', async () => {
		const memory = new MapMemory();
		const first = await setup(memory);
		await first.runtime.index.sync().catch(() => undefined);
		await first.runtime.useModelAnyway();
		await first.runtime.dispose();
		const check = [...memory.records.values()][0];

		const second = await setup(memory);
		await second.runtime.index.sync();
		// The check embeds the pairs' 20 distinct sentences; a remembered result embeds none of them.
		const embedded = second.probe.embedders.flatMap((e) => e.embeddedTexts);
		expect(embedded).not.toContain('The weather is lovely today.');
		expect([...memory.records.values()][0]).toBe(check);
		await second.runtime.dispose();
	});

	it('keeps records in the vault local storage and ignores what it cannot read there', () => {
		const app = new App();
		const memory = localModelChecks(asApp(app), 'semantic-note-search');
		const record: ModelCheckRecord = { check: { dtype: 'fp32', passed: 12, total: 12, tolerance: 0.001, worst: undefined, ok: true }, usedAnyway: false };
		memory.set('all-MiniLM-L6-v2/fp32/sha256-0123', record);
		expect(memory.get('all-MiniLM-L6-v2/fp32/sha256-0123')).toEqual(record);
		expect(memory.get('all-MiniLM-L6-v2/q8/sha256-0123')).toBeUndefined();
		app.saveLocalStorage('semantic-note-search:model-check:junk', { check: 'nope', usedAnyway: 1 });
		expect(memory.get('junk')).toBeUndefined();
	});
});
