import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeModelCheck, measureCases, parseReferenceFixtures, summarizeModelCheck } from '../../core/fixtures';
import { MODEL_OPTIONS, modelRequest, parseCommandArgs } from '../args';
import { MODEL_USAGE, printJson, printUsage, withEngine, type Command } from '../command';
import { EXIT_CHECK_FAILED, EXIT_OK, UsageError } from '../errors';
import { formatTable } from '../table';

export const verifyCommand: Command = {
	name: 'verify',
	summary: 'check the model against the reference similarities (exit 1 if any case fails)',
	usage: `Usage: note-search verify [--model-dir DIR] [--dtype fp32|q8] [--fixtures FILE] [--json]

Embeds every pair of the reference fixtures and compares the cosine with the published Python
value (fp32 within each case's tolerance, q8 within its q8_tolerance) or the case's band.
Prints a table and a summary; exit 0 when all cases pass, 1 when any fails.
  --fixtures FILE      reference cases (default: fixtures/similarity-reference.toml)
  --json               {"passed", "failed", "cases": [{"name", "expected", "actual", "error", "pass"}]}
${MODEL_USAGE}`,
	async run(args, ctx) {
		const { values, positionals } = parseCommandArgs(args, { ...MODEL_OPTIONS, fixtures: { type: 'string' }, json: { type: 'boolean' } });
		if (values.help) return printUsage(ctx, this);
		if (positionals.length > 0) throw new UsageError(`verify takes no arguments, got "${positionals[0]}"`, true);
		const request = modelRequest(values, ctx.io);
		const file = values.fixtures === undefined ? ctx.defaultFixturesFile : path.resolve(ctx.io.cwd, values.fixtures);
		const cases = parseReferenceFixtures(await readText(file), file);

		const rows = await withEngine(ctx, request, (engine) => measureCases(engine, cases, request.dtype));

		const failed = rows.filter((r) => !r.verdict.pass).length;
		if (values.json) {
			printJson(ctx, {
				dtype: request.dtype,
				passed: rows.length - failed,
				failed,
				cases: rows.map((r) => ({ name: r.case.name, expected: r.verdict.expectedLabel, actual: r.actual, error: r.verdict.error, pass: r.verdict.pass })),
			});
		} else {
			const table = formatTable(
				['case', 'expected', 'actual', 'error', 'result'],
				rows.map((r) => [r.case.name, r.verdict.expectedLabel, r.actual.toFixed(4), signed(r.verdict.error), r.verdict.pass ? 'PASS' : 'FAIL']),
			);
			const summary = `${rows.length - failed}/${rows.length} passed (${request.dtype}, ${path.basename(file)})${failed ? `, ${failed} failed` : ''}`;
			// The line the plugin shows in its status and settings, from the same published pairs.
			const modelCheck = rows.some((r) => r.case.check.kind === 'expected') ? `\n${describeModelCheck(summarizeModelCheck(rows, request.dtype))}` : '';
			ctx.io.stdout(`${table}\n${summary}${modelCheck}\n`);
		}
		return failed === 0 ? EXIT_OK : EXIT_CHECK_FAILED;
	},
};

function signed(x: number): string {
	return `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
}

async function readText(file: string): Promise<string> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
		throw new UsageError(`cannot read fixtures file ${file} (${code})`);
	}
}
