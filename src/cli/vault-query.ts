import type { SearchOptions, SearchOutcome } from '../core/search';
import type { IndexSession } from '../core/session/index-session';
import type { CalibrationUse } from '../core/search/calibration';
import { modelRequest, parseCommandArgs } from './args';
import { MODEL_USAGE, printUsage, withEngine, type Command } from './command';
import { EXIT_OK, UsageError } from './errors';
import { printResults, RESULT_OPTIONS, RESULT_USAGE, resultSettings } from './results';
import { prepareVaultCache, resolveVault, updateVaultIndex, VAULT_OPTIONS, VAULT_USAGE } from './vault';

/** What differs between the commands that answer from a vault's index (search, related). */
export interface VaultQuery {
	name: string;
	/** Which calibration (threshold, bands) its results are filtered with. */
	use: CalibrationUse;
	summary: string;
	/** The usage line and what the command prints; the result, vault and model options are appended. */
	usage: string;
	/** The second argument as the usage error names it ("QUERY", "NOTE_PATH"). */
	subjectName: string;
	/**
	 * Checks the second argument against the vault before the model loads, so a typo fails in
	 * milliseconds; what it returns is what `answer` gets. Default: the argument as given.
	 */
	resolveSubject?(vault: string, subject: string, cwd: string): string;
	/** The results for `subject` from the freshly updated index (the session leaves out excluded notes). */
	answer(session: IndexSession, subject: string, options: SearchOptions): SearchOutcome | Promise<SearchOutcome>;
}

/**
 * A command `NAME VAULT_DIR SUBJECT [options]` that updates the vault's index, answers from it with
 * the user's exclusions, limit and threshold, and prints the results.
 */
export function vaultQueryCommand(query: VaultQuery): Command {
	return {
		name: query.name,
		summary: query.summary,
		usage: `${query.usage}
${RESULT_USAGE}
${VAULT_USAGE}
${MODEL_USAGE}`,
		async run(args, ctx) {
			const { values, positionals } = parseCommandArgs(args, { ...VAULT_OPTIONS, ...RESULT_OPTIONS });
			if (values.help) return printUsage(ctx, this);
			if (positionals.length !== 2) {
				throw new UsageError(`${query.name} needs VAULT_DIR and ${query.subjectName}, got ${positionals.length} arguments`, true);
			}
			const [vaultArg, subjectArg] = positionals;
			const settings = resultSettings(values, query.use);
			const request = modelRequest(values, ctx.io);
			const vault = await resolveVault(vaultArg, ctx.io.cwd);
			const subject = query.resolveSubject ? query.resolveSubject(vault, subjectArg, ctx.io.cwd) : subjectArg;
			const cache = await prepareVaultCache(ctx, vault, values);
			const outcome = await withEngine(ctx, request, async (engine) => {
				const { session } = await updateVaultIndex(vault, cache, engine);
				try {
					return await query.answer(session, subject, settings);
				} finally {
					await session.dispose();
				}
			});
			printResults(ctx, outcome, settings, values.json ?? false, subjectArg);
			return EXIT_OK;
		},
	};
}
