/**
 * The CLI on a real engine: the synthetic all-MiniLM-L6-v2 (real tokenizer, seeded weights) from
 * tests/helpers/global-setup.ts. Random weights cannot reproduce Python's numbers, which is
 * exactly what `verify` must notice.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, inject, it } from 'vitest';
import { openNodeEngine } from '../../src/cli/node-context';
import { expectOneLineError, repoRoot, runCli } from './context';

const modelDir = inject('syntheticModelDir');
const sharedDir = inject('sharedDir');
const cacheRoot = path.join(repoRoot, 'tests', '.generated', 'cli-cache-empty');
const real = { openEngine: (request: Parameters<typeof openNodeEngine>[0]) => openNodeEngine(request, cacheRoot) };

describe('note-search on the synthetic model', () => {
	it('tokenize gives the published BERT ids, and truncates at 256 keeping [SEP] last', async () => {
		const reference = parse(readFileSync(path.join(sharedDir, 'reference', 'published-similarities.toml'), 'utf8')) as {
			tokens: { text: string; ids: number[] }[];
		};
		const long = Array.from({ length: 300 }, (_, i) => `word${i % 7}`).join(' ');
		const out = await runCli(['tokenize', '--model-dir', modelDir, '--stdin'], {
			stdin: JSON.stringify([...reference.tokens.map((t) => t.text), long]),
			...real,
		});
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		const { ids } = JSON.parse(out.stdout) as { ids: number[][] };
		expect(ids.slice(0, -1)).toEqual(reference.tokens.map((t) => t.ids));
		const truncated = ids[ids.length - 1];
		expect(truncated).toHaveLength(256);
		expect(truncated[0]).toBe(101);
		expect(truncated[255]).toBe(102);
	});

	it('embed prints unit-length 384-d vectors under a model key', async () => {
		const out = await runCli(['embed', '--model-dir', modelDir, '--json', 'The weather is lovely today.', 'He drove to the stadium.'], real);
		expect(out.code).toBe(0);
		const doc = JSON.parse(out.stdout) as { model: string; dtype: string; dim: number; embeddings: number[][] };
		expect(doc.model).toMatch(/^all-MiniLM-L6-v2\/fp32\//);
		expect(doc).toMatchObject({ dtype: 'fp32', dim: 384 });
		for (const v of doc.embeddings) {
			expect(v).toHaveLength(384);
			expect(Math.hypot(...v)).toBeCloseTo(1, 5);
		}
	});

	it('verify fails (exit 1) against the real reference values: random weights cannot match Python', async () => {
		const out = await runCli(['verify', '--model-dir', modelDir], real);
		expect(out.stderr).toBe('');
		expect(out.code).toBe(1);
		expect(out.stdout).toMatch(/^sts_movie_tv\s.*FAIL$/m);
		expect(out.stdout).toMatch(/\d+\/20 passed \(fp32, similarity-reference\.toml\), \d+ failed\nModel check: \d+ of 12 pairs match Python within 0\.001 \(fp32\)\. Worst: .+\n$/);
	});

	it('verify passes (exit 0) on self-similarity, which any correct pipeline gives', async () => {
		const file = path.join(repoRoot, 'tests', 'cli', 'self-similarity.toml');
		const out = await runCli(['verify', '--model-dir', modelDir, '--fixtures', file], real);
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		expect(out.stdout).toMatch(/^3\/3 passed/m);
	});

	it('a missing model is exit 2 with the engine message and how to fix it from the CLI', async () => {
		expectOneLineError(
			await runCli(['similarity', 'a', 'b'], real),
			/not available: "config\.json" was not found in the model download cache .*downloads not allowed.*--allow-download\.$/m,
		);
		expectOneLineError(await runCli(['similarity', '--model-dir', path.join(repoRoot, 'no-such-model'), 'a', 'b'], real), /no-such-model/);
	});
});
