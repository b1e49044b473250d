#!/usr/bin/env node
/**
 * Prepares the real all-MiniLM-L6-v2 for the tests and the CLI, idempotently:
 *   1. a git-ignored virtual environment in .cache/reference-venv with reference/requirements.txt
 *      (torch==2.13.0 first, so pip takes the CPU build on this disk and never a CUDA one);
 *   2. the ONNX export of the package's weights in .cache/real-model (reference/export_model.py).
 * Each step is skipped when its stamp says the inputs are unchanged. Prints the model folder.
 *
 *   npm run reference:setup
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const referenceVenv = path.join(repoRoot, '.cache', 'reference-venv');
export const realModelDir = path.join(repoRoot, '.cache', 'real-model');
/** The same weights exported with tanh-approximate GELU: proof that the real parity check catches it. */
export const faultyTanhModelDir = path.join(repoRoot, '.cache', 'real-model-tanh-gelu');
export const venvPython = path.join(referenceVenv, 'bin', 'python');

const requirements = path.join(repoRoot, 'reference', 'requirements.txt');
const exportInputs = ['reference/requirements.txt', 'reference/oracle.py', 'reference/export_model.py'];

function digest(files) {
	const hash = createHash('sha256');
	for (const file of files) hash.update(file).update(readFileSync(path.join(repoRoot, file)));
	return hash.digest('hex');
}

function run(command, args, what) {
	const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, HF_HUB_OFFLINE: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' } });
	if (result.error) throw new Error(`${what}: ${result.error.message}`);
	if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status})`);
}

function stampMatches(file, value) {
	return existsSync(file) && readFileSync(file, 'utf8').trim() === value;
}

function exportOnce(dir, inputsDigest, flags, log) {
	const stamp = path.join(dir, '.export.sha256');
	if (stampMatches(stamp, inputsDigest)) return;
	log(`[real model] Exporting all-MiniLM-L6-v2 to ONNX in ${path.relative(repoRoot, dir)} (about 30 s)…`);
	rmSync(stamp, { force: true });
	run(venvPython, ['reference/export_model.py', '--out', dir, ...flags], 'reference/export_model.py');
	writeFileSync(stamp, `${inputsDigest}\n`);
}

/** The Python 3 to build the venv with, or undefined when the machine has none. */
export function findPython() {
	for (const candidate of [process.env.PYTHON, 'python3'].filter(Boolean)) {
		const probe = spawnSync(candidate, ['-c', 'import sys, venv; print(sys.version_info[0])'], { encoding: 'utf8' });
		if (probe.status === 0 && probe.stdout.trim() === '3') return candidate;
	}
	return undefined;
}

/**
 * Makes sure the venv and the exported model are current. Returns the model folder, or
 * `{ skipped: reason }` when there is no Python 3 to prepare it with.
 */
export function ensureRealModel({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
	const python = findPython();
	if (!python) return { skipped: 'python3 (with venv) was not found, so the real model could not be prepared' };

	const venvStamp = path.join(referenceVenv, '.requirements.sha256');
	const venvDigest = digest(['reference/requirements.txt']);
	if (!stampMatches(venvStamp, venvDigest)) {
		log('[real model] Installing the Python reference kit into .cache/reference-venv (the first time takes a few minutes)…');
		if (!existsSync(venvPython)) run(python, ['-m', 'venv', referenceVenv], 'python3 -m venv');
		const torch = readFileSync(requirements, 'utf8').match(/^torch==\S+/m)?.[0];
		if (!torch) throw new Error('reference/requirements.txt must pin torch (torch==…)');
		run(venvPython, ['-m', 'pip', 'install', '-q', torch], `pip install ${torch}`);
		run(venvPython, ['-m', 'pip', 'install', '-q', '-r', requirements], 'pip install -r reference/requirements.txt');
		writeFileSync(venvStamp, `${venvDigest}\n`);
	}

	const exportDigest = digest(exportInputs);
	exportOnce(realModelDir, exportDigest, [], log);
	exportOnce(faultyTanhModelDir, exportDigest, ['--faulty-tanh-gelu'], log);
	return { dir: realModelDir, faultyTanhDir: faultyTanhModelDir, python: venvPython };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const result = ensureRealModel();
		if (result.skipped) {
			console.error(`reference:setup: ${result.skipped}. Install Python 3.11 with venv and pip, then run it again.`);
			process.exit(1);
		}
		process.stdout.write(`${result.dir}\n`);
	} catch (error) {
		console.error(`reference:setup: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
}
