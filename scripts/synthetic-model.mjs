#!/usr/bin/env node
// Writes a synthetic all-MiniLM-L6-v2 model folder (transformers.js layout) for the benchmark
// and CLI checks, with the same generator the tests use (tests/helpers/synthetic-model.ts).
//
//   node scripts/synthetic-model.mjs OUT_DIR [--seed N] [--gelu erf|tanh] [--shared DIR]
//
// The TypeScript generator is bundled on the fly with esbuild into a temp file and run in-process.
// The real tokenizer/config are read from ../shared (next to the checkout) and copied only into
// OUT_DIR, which should be outside git or ignored.
import esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
	const options = { seed: undefined, gelu: 'erf', shared: path.resolve(repoRoot, '../shared'), out: undefined };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--seed') options.seed = Number(argv[++i]);
		else if (arg === '--gelu') options.gelu = argv[++i];
		else if (arg === '--shared') options.shared = path.resolve(argv[++i]);
		else if (!options.out && !arg.startsWith('--')) options.out = path.resolve(arg);
		else throw new Error(`unknown argument: ${arg}`);
	}
	if (!options.out) throw new Error('usage: node scripts/synthetic-model.mjs OUT_DIR [--seed N] [--gelu erf|tanh] [--shared DIR]');
	if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new Error('--seed must be an integer');
	if (options.gelu !== 'erf' && options.gelu !== 'tanh') throw new Error('--gelu must be erf or tanh');
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const tmp = mkdtempSync(path.join(tmpdir(), 'synthetic-model-'));
	try {
		const outfile = path.join(tmp, 'generator.cjs');
		await esbuild.build({
			entryPoints: [path.join(repoRoot, 'tests/helpers/synthetic-model.ts')],
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			outfile,
			logLevel: 'warning',
		});
		const generator = createRequire(import.meta.url)(outfile);
		const params = { seed: options.seed ?? generator.DEFAULT_SEED, gelu: options.gelu };
		const started = Date.now();
		const built = generator.ensureSyntheticModel(options.out, params, path.join(options.shared, 'models', 'all-MiniLM-L6-v2'));
		process.stdout.write(`${built ? 'wrote' : 'up to date:'} ${options.out} (seed ${params.seed}, ${params.gelu} GELU${built ? `, ${Date.now() - started} ms` : ''})\n`);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
