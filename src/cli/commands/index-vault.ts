import { modelRequest, parseCommandArgs } from '../args';
import { MODEL_USAGE, printJson, printUsage, withEngine, type Command } from '../command';
import { EXIT_OK, UsageError } from '../errors';
import { prepareVaultCache, resolveVault, updateVaultIndex, VAULT_OPTIONS, VAULT_USAGE } from '../vault';
import type { IndexReport } from '../../core/index/types';

export const indexCommand: Command = {
	name: 'index',
	summary: 'build or update the index of a vault folder (only new and edited notes are embedded)',
	usage: `Usage: note-search index VAULT_DIR [--model-dir DIR] [--cache-dir DIR] [--exclude GLOB]... [--json]

Prints what the update did; with --json
{"notes", "chunks", "embedded", "reused", "renamed", "removed", "failed": [{"path", "reason"}], "seconds"}.
A note that cannot be indexed is listed under "failed" and does not stop the others (exit 0).
${VAULT_USAGE}
${MODEL_USAGE}`,
	async run(args, ctx) {
		const { values, positionals } = parseCommandArgs(args, VAULT_OPTIONS);
		if (values.help) return printUsage(ctx, this);
		if (positionals.length !== 1) throw new UsageError(`index needs exactly one VAULT_DIR, got ${positionals.length}`, true);
		const request = modelRequest(values, ctx.io);
		const vault = await resolveVault(positionals[0], ctx.io.cwd);
		const cache = await prepareVaultCache(ctx, vault, values);
		const report = await withEngine(ctx, request, async (engine) => {
			const { report, session } = await updateVaultIndex(vault, cache, engine);
			await session.dispose();
			return report;
		});
		if (values.json) printJson(ctx, report);
		else ctx.io.stdout(describeReport(report));
		return EXIT_OK;
	},
};

function describeReport(r: IndexReport): string {
	const lines = [
		`${r.notes} notes, ${r.chunks} passages: ${r.embedded} passages embedded, ${r.reused} notes reused, ` +
			`${r.renamed} renamed, ${r.removed} removed, ${r.failed.length} failed (${r.seconds.toFixed(1)} s)`,
		...r.failed.map((f) => `  failed: ${f.path}: ${f.reason}`),
	];
	return `${lines.join('\n')}\n`;
}
