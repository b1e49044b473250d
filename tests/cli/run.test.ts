/**
 * The CLI's contract — argument handling, JSON shapes, exit codes, one-line errors — run
 * in-process against the bag-of-words FakeEmbedder, so no model is loaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinNegativeValues } from '../../src/cli/args';
import { expectOneLineError, runCli } from './context';

describe('note-search (in-process, fake model)', () => {
	it('lists the commands on --help and exits 0; with no command it is a usage error', async () => {
		const help = await runCli(['--help']);
		expect(help.code).toBe(0);
		for (const name of ['tokenize', 'embed', 'similarity', 'verify']) expect(help.stdout).toContain(name);
		expectOneLineError(await runCli([]), /missing COMMAND/);
	});

	it('prints command help on --help without loading a model', async () => {
		const out = await runCli(['verify', '--help']);
		expect(out.code).toBe(0);
		expect(out.stdout).toMatch(/^Usage: note-search verify/);
		expect(out.requests).toEqual([]);
	});

	it('tokenize prints {"ids": [[...]]}, one list per text', async () => {
		const out = await runCli(['tokenize', '--json', 'one two', 'three']);
		expect(out.code).toBe(0);
		const doc = JSON.parse(out.stdout) as { ids: number[][] };
		expect(Object.keys(doc)).toEqual(['ids']);
		expect(doc.ids).toHaveLength(2);
		expect(doc.ids[0]).toHaveLength(4);
		expect(doc.ids[0][0]).toBe(101);
		expect(doc.ids[0][3]).toBe(102);
	});

	it('embed prints model, dtype, dim and one vector per text; --stdin takes a JSON array', async () => {
		const out = await runCli(['embed', '--stdin', '--dtype', 'q8'], { stdin: '["a cat", "a dog", ""]' });
		expect(out.code).toBe(0);
		const doc = JSON.parse(out.stdout) as { model: string; dtype: string; dim: number; embeddings: number[][] };
		expect(Object.keys(doc)).toEqual(['model', 'dtype', 'dim', 'embeddings']);
		expect(doc).toMatchObject({ model: 'fake-bow', dtype: 'q8', dim: 384 });
		expect(doc.embeddings).toHaveLength(3);
		expect(doc.embeddings.every((v) => v.length === 384)).toBe(true);
		expect(out.requests).toEqual([{ modelDir: undefined, dtype: 'q8', allowDownload: false }]);
	});

	it('similarity prints one number, or {"similarity"} with --json', async () => {
		const plain = await runCli(['similarity', 'the same words', 'the same words']);
		expect(plain).toMatchObject({ code: 0, stdout: '1.000000\n', stderr: '' });
		const json = await runCli(['similarity', '--json', 'cats purr', 'stock markets fell']);
		const { similarity } = JSON.parse(json.stdout) as { similarity: number };
		expect(Math.abs(similarity)).toBeLessThan(0.5);
	});

	it('passes the model options through: --model-dir, $NOTE_SEARCH_MODEL_DIR, --allow-download', async () => {
		const given = await runCli(['similarity', '--model-dir', '/m', '--allow-download', 'a', 'b'], { env: { NOTE_SEARCH_MODEL_DIR: '/env' } });
		expect(given.requests).toEqual([{ modelDir: '/m', dtype: 'fp32', allowDownload: true }]);
		const fromEnv = await runCli(['similarity', 'a', 'b'], { env: { NOTE_SEARCH_MODEL_DIR: '/env' } });
		expect(fromEnv.requests[0].modelDir).toBe('/env');
	});

	it('reports usage and input errors as one line with exit 2', async () => {
		expectOneLineError(await runCli(['frobnicate']), /unknown command "frobnicate"/);
		expectOneLineError(await runCli(['embed']), /at least one TEXT/);
		expectOneLineError(await runCli(['similarity', 'only one']), /exactly two texts, got 1/);
		expectOneLineError(await runCli(['embed', '--dtype', 'fp16', 'x']), /--dtype must be fp32 or q8, got "fp16"/);
		expectOneLineError(await runCli(['embed', '--stdin'], { stdin: '["a", ' }), /stdin is not valid JSON/);
		expectOneLineError(await runCli(['tokenize', '--stdin'], { stdin: '{"texts": ["a"]}' }), /JSON array of strings/);
		expectOneLineError(await runCli(['tokenize', '--stdin'], { stdin: '[1, 2]' }), /JSON array of strings/);
		expectOneLineError(await runCli(['tokenize', '--stdin', 'also an arg'], { stdin: '["a"]' }), /not both/);
		expectOneLineError(await runCli(['embed', '--frob', 'x']), /^note-search embed: unknown option --frob \(see note-search embed --help\)\n$/);
		expectOneLineError(await runCli(['similarity', '-z', 'a', 'b']), /^note-search similarity: unknown option -z \(see note-search similarity --help\)\n$/);
		expectOneLineError(await runCli(['embed', '--model-dir']), /--model-dir/);
		expectOneLineError(await runCli(['verify', 'extra']), /no arguments/);
	});

	it('turns an engine failure into one line, never a stack trace', async () => {
		const out = await runCli(['embed', 'x'], { openEngine: () => Promise.reject(new Error('first line\n    at secret (stack.ts:1:1)')) });
		expectOneLineError(out, /^note-search embed: first line\n$/);
		// Node's fetch says only "fetch failed"; the cause says why.
		const offline = new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND huggingface.co') });
		expectOneLineError(await runCli(['embed', 'x'], { openEngine: () => Promise.reject(offline) }), /^note-search embed: fetch failed \(getaddrinfo ENOTFOUND huggingface\.co\)\n$/);
	});
});

describe('note-search verify (fake model)', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'note-search-verify-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const write = (name: string, text: string) => {
		const file = path.join(dir, name);
		writeFileSync(file, text);
		return file;
	};
	const selfSimilar = write(
		'self.toml',
		[
			'[[case]]',
			'name = "identical_texts"',
			'a = "The cat sits outside"',
			'b = "The cat sits outside"',
			'source = "a vector has cosine 1 with itself"',
			'relation = "related"',
			'expected = 1.0',
			'tolerance = 0.001',
			'q8_tolerance = 0.001',
			'',
			'[[case]]',
			'name = "any_pair"',
			'a = "The cat sits outside"',
			'b = "A woman watches TV"',
			'source = "every cosine lies in [-1, 1]"',
			'relation = "unrelated"',
			'band = [-1, 1]',
		].join('\n'),
	);

	it('passes and exits 0 when every case holds, with a table and a summary line', async () => {
		const out = await runCli(['verify', '--fixtures', selfSimilar]);
		expect(out.code).toBe(0);
		const lines = out.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^case\s+expected\s+actual\s+error\s+result$/);
		expect(lines[1]).toMatch(/^identical_texts\s+1\.0000 ±0\.001\s+1\.0000\s+[+-]0\.0000\s+PASS$/);
		expect(lines[2]).toMatch(/^any_pair\s+\[-1, 1\]\s+-?\d\.\d{4}\s+\+0\.0000\s+PASS$/);
		expect(lines[3]).toBe('2/2 passed (fp32, self.toml)');
	});

	it('fails with exit 1 when a case is off, and says which', async () => {
		const wrong = write('wrong.toml', '[[case]]\nname = "bad"\na = "cats purr"\nb = "stock markets fell"\nsource = "t"\nrelation = "related"\nband = [0.9, 1]\n');
		const out = await runCli(['verify', '--fixtures', wrong]);
		expect(out.code).toBe(1);
		expect(out.stdout).toMatch(/^bad\s.*FAIL$/m);
		expect(out.stdout).toMatch(/0\/1 passed \(fp32, wrong\.toml\), 1 failed\n$/);
	});

	it('prints machine-readable results with --json', async () => {
		const out = await runCli(['verify', '--json', '--fixtures', selfSimilar]);
		const doc = JSON.parse(out.stdout) as { passed: number; failed: number; cases: { name: string; pass: boolean }[] };
		expect(doc).toMatchObject({ passed: 2, failed: 0 });
		expect(doc.cases.map((c) => c.name)).toEqual(['identical_texts', 'any_pair']);
	});

	it('reports a missing or malformed fixtures file as exit 2 with file:line', async () => {
		expectOneLineError(await runCli(['verify', '--fixtures', path.join(dir, 'absent.toml')]), /cannot read fixtures file .*absent\.toml \(ENOENT\)/);
		const broken = write('broken.toml', '[[case]]\nname = "x"\na = "a"\nb = "b"\nsource = "s"\nrelation = "maybe"\nband = [0, 1]\n');
		const out = await runCli(['verify', '--fixtures', broken]);
		expectOneLineError(out, /broken\.toml:6: case 1 "x": relation: must be "related" or "unrelated"/);
		expect(out.requests).toEqual([]); // the file is checked before the model is loaded
	});
});

describe('joinNegativeValues', () => {
	const options = { threshold: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } } as const;

	it('joins a negative number to the option before it when that option takes a value', () => {
		expect(joinNegativeValues(['--threshold', '-0.1', 'q'], options)).toEqual(['--threshold=-0.1', 'q']);
		expect(joinNegativeValues(['--threshold', '-1'], options)).toEqual(['--threshold=-1']);
		expect(joinNegativeValues(['--threshold', '-.5'], options)).toEqual(['--threshold=-.5']);
	});

	it('leaves everything else alone', () => {
		// a boolean option, an option already given with =, a value that is not a number, an unknown option
		expect(joinNegativeValues(['--json', '-1'], options)).toEqual(['--json', '-1']);
		expect(joinNegativeValues(['--threshold=-0.2', '-1'], options)).toEqual(['--threshold=-0.2', '-1']);
		expect(joinNegativeValues(['--threshold', '--json'], options)).toEqual(['--threshold', '--json']);
		expect(joinNegativeValues(['--bogus', '-1'], options)).toEqual(['--bogus', '-1']);
		// after --, arguments are positionals
		expect(joinNegativeValues(['--', '--threshold', '-1'], options)).toEqual(['--', '--threshold', '-1']);
	});
});
