import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExclusions, defaultExclusionPatterns } from '../../../src/core/index/exclusions';
import { FsNoteSource } from '../../../src/node/fs-note-source';
import { inProcessEngine } from '../../../src/core/session/in-process-engine';
import { openSession } from '../../../src/core/session/index-session';
import { MemoryVectorStore } from '../../../src/core/store/memory-store';
import { SearchIndex, searchText, type Calibration } from '../../../src/core/search';
import { FakeEmbedder } from '../../helpers/fake-embedder';

const vault = path.resolve(__dirname, '../../../fixtures/sample-vault');
// The fixture vault's config folder (no Vault#configDir outside Obsidian; the lint warning is expected).
const CONFIG_DIR = '.obsidian';
const MCP_NOTES = [
	'Projects/AI/MCP tool security.md',
	'Projects/AI/MCP transports - stdio and SSE.md',
	'Projects/AI/What is an MCP server.md',
	'Projects/AI/Writing an MCP server in TypeScript.md',
];
const TELEMARK = 'Hobbies/Outdoors/Telemark skiing.md';
/** Files that mention MCP heavily but must never be searchable: config, drawing, ignored folder. */
const EXCLUDED = [`${CONFIG_DIR}/README.md`, 'Drawings/Sketch.excalidraw.md', 'Archive/Old MCP server draft.md'];
/** Everything scores; only order and exclusion are under test. The fake model is not calibrated. */
const everything: Calibration = { threshold: -1, strong: 1 };

function listMarkdown(dir: string, prefix = ''): string[] {
	return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
		const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) return listMarkdown(dir, rel);
		return entry.name.endsWith('.md') ? [rel] : [];
	});
}

/** Obsidian's own "Excluded files" setting, stored in the vault's app.json. */
function userIgnoreFilters(): string[] {
	const app = JSON.parse(readFileSync(path.join(vault, CONFIG_DIR, 'app.json'), 'utf8')) as { userIgnoreFilters?: string[] };
	return app.userIgnoreFilters ?? [];
}

/** Runs the shipped session (fs source, chunker, exclusions, memory store); its search index follows the store. */
async function indexSampleVault(embedder: FakeEmbedder, patterns: string[]): Promise<SearchIndex> {
	const session = await openSession({ engine: inProcessEngine(embedder), store: new MemoryVectorStore(), source: new FsNoteSource(vault), exclusions: createExclusions(patterns) });
	const report = await session.sync();
	expect(report.failed).toEqual([]);
	return session.searchIndex;
}

describe('sample vault', () => {
	const embedder = new FakeEmbedder();
	let index: SearchIndex;
	let unfiltered: SearchIndex;

	beforeAll(async () => {
		index = await indexSampleVault(embedder, [...defaultExclusionPatterns(CONFIG_DIR), ...userIgnoreFilters()]);
		// Only the built-in exclusions: the ignored Archive/ note is in this index.
		unfiltered = await indexSampleVault(embedder, defaultExclusionPatterns(CONFIG_DIR));
	});

	it('indexes every note except the config folder, the drawing and the ignored folder', () => {
		const all = listMarkdown(vault);
		expect(all.length).toBeGreaterThanOrEqual(34);
		expect([...index.paths()].sort()).toEqual(all.filter((p) => !EXCLUDED.includes(p)).sort());
		expect(index.has('Untitled.md')).toBe(true);
	});

	it('puts the four MCP notes first for "MCP servers"', async () => {
		const { results } = await searchText(embedder, index, 'MCP servers', { limit: 10, calibration: everything });
		expect(results.slice(0, 4).map((r) => r.path).sort()).toEqual(MCP_NOTES);
	});

	it('never returns the Telemark note for "MCP servers" once a threshold is set', async () => {
		const all = (await searchText(embedder, index, 'MCP servers', { limit: 100, calibration: everything })).results;
		const rank = (p: string): number => all.findIndex((r) => r.path === p);
		for (const mcp of MCP_NOTES) expect(rank(mcp)).toBeLessThan(rank(TELEMARK));
		// The bag-of-words fake hashes "ntn" (Telemark boot norm) into the same bucket as "mcp", so
		// the Telemark note gets a spurious ~0.18 here; 0.2 is a threshold for the fake, not the model.
		const { results } = await searchText(embedder, index, 'MCP servers', {
			limit: 100,
			calibration: { threshold: 0.2, strong: 0.5 },
		});
		expect(results.map((r) => r.path).sort()).toEqual(MCP_NOTES);
	});

	it('never returns excluded files, whatever the query and threshold', async () => {
		for (const query of ['MCP servers', 'excalidraw text elements drawing', 'Obsidian configuration folder', 'MCP client stdio SSE transport']) {
			const { results } = await searchText(embedder, index, query, { limit: 100, calibration: everything });
			for (const excluded of EXCLUDED) expect(results.map((r) => r.path)).not.toContain(excluded);
		}
	});

	it('drops an excluded note at search time even when it is in the index and the best match', async () => {
		const open = await searchText(embedder, unfiltered, 'old MCP server draft wiki', { limit: 1, calibration: everything });
		expect(open.results[0].path).toBe('Archive/Old MCP server draft.md');
		const ignored = createExclusions(userIgnoreFilters());
		const isIgnored = (p: string): boolean => ignored.isExcluded(p);
		const { results } = await searchText(embedder, unfiltered, 'old MCP server draft wiki', {
			limit: 100,
			calibration: everything,
			exclude: isIgnored,
		});
		expect(results.map((r) => r.path).filter(isIgnored)).toEqual([]);
		expect(results).toHaveLength(unfiltered.noteCount - 2);
	});

	it('lists related notes for "What is an MCP server" without the note itself', () => {
		const self = 'Projects/AI/What is an MCP server.md';
		const related = index.related(self, { limit: 100, calibration: everything });
		expect(related.map((r) => r.path)).not.toContain(self);
		expect(related).toHaveLength(index.noteCount - 2); // all but itself and the empty note
		// Which notes come first is the model's business: the fake's mean vector is dominated by
		// stop words and punctuation, so only the mechanics are checked here.
		expect(related.map((r) => r.path)).toEqual(
			index.search(index.noteVector(self)!, { limit: 100, calibration: everything, currentPath: self }).map((r) => r.path),
		);
	});
});
