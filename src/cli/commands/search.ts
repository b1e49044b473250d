import { searchText, SearchIndex } from '../../core/search';
import { modelRequest, parseArgs, parseOrUsage } from '../args';
import { MODEL_USAGE, printUsage, withEngine, type Command } from '../command';
import { EXIT_OK, UsageError } from '../errors';
import { printResults, RESULT_OPTIONS, RESULT_USAGE, resultSettings } from '../results';
import { resolveVault, updateVaultIndex, VAULT_OPTIONS, VAULT_USAGE } from '../vault';

export const searchCommand: Command = {
	name: 'search',
	summary: 'find the notes of a vault closest in meaning to a query (updates the index first)',
	usage: `Usage: note-search search VAULT_DIR "QUERY" [--limit K] [--threshold T] [--exclude GLOB]... [--json]

Prints the best-matching notes, each scored by its best passage; with --json
{"threshold": T, "results": [{"path", "score", "band", "heading", "snippet"}]}.
An empty list is a valid answer: the reason is printed instead (and as "reason"/"message" in JSON).
${RESULT_USAGE}
${VAULT_USAGE}
${MODEL_USAGE}`,
	async run(args, ctx) {
		const { values, positionals } = parseOrUsage(() =>
			parseArgs({ args, options: { ...VAULT_OPTIONS, ...RESULT_OPTIONS }, allowPositionals: true }),
		);
		if (values.help) return printUsage(ctx, this);
		if (positionals.length !== 2) throw new UsageError(`search needs VAULT_DIR and QUERY, got ${positionals.length} arguments`, true);
		const [vaultArg, query] = positionals;
		const settings = resultSettings(values);
		const request = modelRequest(values, ctx.io);
		const vault = await resolveVault(vaultArg, ctx.io.cwd);
		const outcome = await withEngine(ctx, request, async (engine) => {
			const { store, exclusions } = await updateVaultIndex(ctx, vault, values, engine);
			try {
				const index = SearchIndex.fromRecords(engine.dim, await store.all());
				return await searchText(engine, index, query, { ...settings, exclude: (p) => exclusions.isExcluded(p) });
			} finally {
				await store.close();
			}
		});
		printResults(ctx, outcome, settings, values.json ?? false, query);
		return EXIT_OK;
	},
};
