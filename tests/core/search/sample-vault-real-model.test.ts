/**
 * The user's own check, with the real all-MiniLM-L6-v2, through the `note-search` CLI on
 * fixtures/sample-vault: "MCP servers" finds the MCP notes and never the Telemark note, queries
 * that share no word with their notes still find them, and related notes keep the topics apart.
 * Shared word pieces alone cannot pass these: tests/real-tier-guard.test.ts runs this file on a
 * synthetic model with random weights and expects it to fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, nodeModelFiles } from '../../../src/node/node-engine';
import type { EmbeddingEngine } from '../../../src/core/embedding/types';
import { runCli } from '../../cli/context';
import { realModel } from '../../helpers/real-model';
import { SLOW_TIMEOUT } from '../../helpers/reference-cache';

const model = realModel('sample vault');
const vault = path.resolve(__dirname, '../../../fixtures/sample-vault');
const MCP_NOTES = [
	'Projects/AI/MCP tool security.md',
	'Projects/AI/MCP transports - stdio and SSE.md',
	'Projects/AI/What is an MCP server.md',
	'Projects/AI/Writing an MCP server in TypeScript.md',
];
/** Also about an assistant calling a tool, with a link to the MCP note: a right answer too. */
const PLANNING = 'Meetings/2026-03-16 Planning meeting.md';
const TELEMARK = 'Hobbies/Outdoors/Telemark skiing.md';
const OUTDOORS = 'Hobbies/Outdoors/';

interface Result {
	path: string;
	score: number;
}

describe.skipIf(!model.available)('sample vault with the real model, through note-search', () => {
	const { dir } = model as Extract<typeof model, { available: true }>;
	let engine: EmbeddingEngine;
	let cacheDir: string;

	async function cli(command: 'search' | 'related', arg: string): Promise<{ threshold: number; results: Result[] }> {
		const out = await runCli([command, vault, arg, '--exclude', 'Archive/', '--cache-dir', cacheDir, '--json'], { openEngine: () => Promise.resolve(engine) });
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		return JSON.parse(out.stdout) as { threshold: number; results: Result[] };
	}
	const paths = (results: Result[]) => results.map((r) => r.path);

	beforeAll(async () => {
		engine = await createNodeEngine({ files: nodeModelFiles(dir), dtype: 'fp32' });
		// The CLI disposes the engine it is handed after each command; keep ours for the whole file.
		engine = Object.assign(Object.create(engine) as EmbeddingEngine, { dispose: () => Promise.resolve() });
		cacheDir = mkdtempSync(path.join(os.tmpdir(), 'note-search-real-'));
	}, SLOW_TIMEOUT);
	afterAll(async () => {
		await (Object.getPrototypeOf(engine) as EmbeddingEngine | undefined)?.dispose();
		rmSync(cacheDir, { recursive: true, force: true });
	});

	it('"MCP servers" returns the four MCP notes first, above the threshold, and no skiing note', async () => {
		const { threshold, results } = await cli('search', 'MCP servers');
		expect(new Set(paths(results).slice(0, 4))).toEqual(new Set(MCP_NOTES));
		expect(paths(results)).not.toContain(TELEMARK);
		expect(paths(results).filter((p) => p.startsWith(OUTDOORS))).toEqual([]);
		for (const r of results) expect(r.score).toBeGreaterThanOrEqual(threshold);
	}, SLOW_TIMEOUT);

	it('finds the MCP notes for a paraphrase that shares no word with them', async () => {
		const { results } = await cli('search', 'a way for a chatbot to use external programs');
		expect(results.length).toBeGreaterThan(0);
		const top = paths(results).slice(0, 3);
		for (const p of top) expect([...MCP_NOTES, PLANNING]).toContain(p);
		expect(paths(results)).not.toContain(TELEMARK);
	}, SLOW_TIMEOUT);

	it('finds the Telemark note for "free-heel turns in deep snow" and no MCP note', async () => {
		const { results } = await cli('search', 'free-heel turns in deep snow');
		expect(paths(results)[0]).toBe(TELEMARK);
		for (const p of MCP_NOTES) expect(paths(results)).not.toContain(p);
	}, SLOW_TIMEOUT);

	it.each([
		['keeping bread dough alive between bakes', 'Kitchen/Sourdough starter.md'],
		['a rainy-day reserve for a lost job', 'Finance/Emergency fund.md'],
		['I keep lying awake at night', 'Health/Sleep habits.md'],
		['insomnia remedies', 'Health/Sleep habits.md'],
	])('ranks the right note first for "%s", which shares no topic word with it', async (query, expected) => {
		const { results } = await cli('search', query);
		expect(results.length).toBeGreaterThan(0);
		expect(paths(results)[0].startsWith(expected), `top result ${paths(results)[0]}`).toBe(true);
	}, SLOW_TIMEOUT);

	it('lists the other MCP notes as related to an MCP note, and no skiing note', async () => {
		const { results } = await cli('related', 'Projects/AI/What is an MCP server.md');
		const others = MCP_NOTES.filter((p) => !p.endsWith('What is an MCP server.md'));
		expect(new Set(paths(results).slice(0, 3))).toEqual(new Set(others));
		expect(paths(results).filter((p) => p.startsWith(OUTDOORS))).toEqual([]);
	}, SLOW_TIMEOUT);

	it('lists an outdoors note as most related to the Telemark note, and no MCP note', async () => {
		const { results } = await cli('related', TELEMARK);
		expect(paths(results)[0]?.startsWith(OUTDOORS)).toBe(true);
		for (const p of MCP_NOTES) expect(paths(results)).not.toContain(p);
	}, SLOW_TIMEOUT);
});
