import path from 'node:path';
import { expect } from 'vitest';
import type { ModelRequest } from '../../src/cli/args';
import type { CliContext } from '../../src/cli/command';
import { memoryIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { FakeEmbedder } from '../helpers/fake-embedder';

export const repoRoot = path.resolve(__dirname, '../..');

export interface Outcome {
	code: number;
	stdout: string;
	stderr: string;
	/** Every model request the command made, to check option handling without a model. */
	requests: ModelRequest[];
}

/**
 * Runs the CLI in-process. By default the model is the bag-of-words FakeEmbedder (instant);
 * pass `openEngine` to run a real engine.
 */
export async function runCli(
	argv: string[],
	options: { stdin?: string; env?: Record<string, string>; cwd?: string; cacheRoot?: string; openEngine?: CliContext['openEngine'] } = {},
): Promise<Outcome> {
	const io = memoryIo({ stdin: options.stdin, env: options.env ?? {}, cwd: options.cwd ?? repoRoot });
	const requests: ModelRequest[] = [];
	const ctx: CliContext = {
		io,
		openEngine: (request) => {
			requests.push(request);
			return options.openEngine ? options.openEngine(request) : Promise.resolve(new FakeEmbedder());
		},
		defaultFixturesFile: path.join(repoRoot, 'fixtures', 'similarity-reference.toml'),
		cacheRoot: options.cacheRoot ?? path.join(repoRoot, 'tests', '.generated', 'cli-cache'),
	};
	const code = await run(argv, ctx);
	return { code, stdout: io.out.join(''), stderr: io.err.join(''), requests };
}

/** A usage error: exit 2, nothing on stdout, exactly one line on stderr. */
export function expectOneLineError(outcome: Outcome, pattern: RegExp): void {
	expect(outcome.code).toBe(2);
	expect(outcome.stdout).toBe('');
	expect(outcome.stderr).toMatch(/^[^\n]+\n$/);
	expect(outcome.stderr).toMatch(pattern);
}
