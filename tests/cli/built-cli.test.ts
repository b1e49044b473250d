/**
 * One smoke test of the shipped artefact: the CLI bundled the way esbuild.config.mjs bundles it
 * (CJS, node20, packages external), run as a child process with plain `node`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from './context';

const exec = promisify(execFile);
// Inside the checkout so the external packages resolve from its node_modules.
const outDir = path.join(repoRoot, 'tests', '.generated', 'cli-smoke');
const cli = path.join(outDir, 'cli.cjs');

async function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await exec(process.execPath, [cli, ...args], { env: { ...process.env, NOTE_SEARCH_MODEL_DIR: '' } });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

describe('dist/cli.cjs as built', () => {
	beforeAll(async () => {
		mkdirSync(outDir, { recursive: true });
		await build({
			entryPoints: [path.join(repoRoot, 'src/cli/main.ts')],
			bundle: true,
			format: 'cjs',
			platform: 'node',
			target: 'node20',
			packages: 'external',
			banner: { js: '#!/usr/bin/env node' },
			outfile: cli,
			logLevel: 'error',
		});
	});

	it('runs a command on the synthetic model and exits 0', async () => {
		const out = await node(['similarity', '--model-dir', inject('syntheticModelDir'), 'The cat sits outside', 'the cat sits outside']);
		expect(out).toEqual({ code: 0, stdout: '1.000000\n', stderr: '' });
	});

	it('exits 2 with one line and no stack trace on a usage error', async () => {
		const out = await node(['embed', '--dtype', 'int4', 'x']);
		expect(out).toEqual({ code: 2, stdout: '', stderr: 'note-search embed: --dtype must be fp32 or q8, got "int4"\n' });
	});
});
