#!/usr/bin/env node
// Prints, as JSON, exactly the texts the plugin embeds for the calibration set (fixtures/calibration):
// each note's passages from the plugin's own chunker and each query as search normalises it.
// reference/score_calibration.py embeds these with sentence-transformers, so the Python scores are
// for the same strings our engine sees, without a second chunker written in Python.
//
//   node scripts/calibration-texts.mjs TOKENIZER_DIR
import esbuild from 'esbuild';
import { nodeBundle } from './node-bundle.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
// Inside the (git-ignored) .cache so the bundle resolves transformers.js from node_modules.
mkdirSync(join(root, '.cache'), { recursive: true });
const outDir = mkdtempSync(join(root, '.cache', 'calibration-texts-'));
try {
	const outfile = join(outDir, 'texts.mjs');
	await esbuild.build({
		...nodeBundle(join(root, 'scripts/calibration/texts-main.ts'), outfile),
		// read-set.ts finds the fixtures from its own folder.
		define: { __dirname: JSON.stringify(join(root, 'scripts/calibration')) },
	});
	const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
	process.exitCode = run.status ?? 1;
} finally {
	rmSync(outDir, { recursive: true, force: true });
}
