/**
 * Size of what Obsidian installs: main.js from the real production build (esbuild.config.mjs,
 * worker and WASM inlined). Built by the project's own config so the number is the shipped one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runPart } from './part';

runPart<{ root: string }, { mainJsBytes: number; mainJsGzipBytes: number; buildSeconds: number }>(({ root }) => {
	const t0 = performance.now();
	const build = spawnSync(process.execPath, [join(root, 'esbuild.config.mjs'), 'production'], { cwd: root, encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`production build failed: ${build.stderr.split('\n').find((l) => l.includes('ERROR')) ?? build.stderr.slice(-300)}`);
	const buildSeconds = (performance.now() - t0) / 1000;
	const file = join(root, 'main.js');
	return Promise.resolve({ mainJsBytes: statSync(file).size, mainJsGzipBytes: gzipSync(readFileSync(file)).length, buildSeconds });
});
