import { existsSync } from 'node:fs';
import path from 'node:path';
import { relatedNotes, SearchIndex } from '../../core/search';
import { modelRequest, parseArgs, parseOrUsage } from '../args';
import { MODEL_USAGE, printUsage, withEngine, type Command } from '../command';
import { EXIT_OK, UsageError } from '../errors';
import { printResults, RESULT_OPTIONS, RESULT_USAGE, resultSettings } from '../results';
import { resolveVault, updateVaultIndex, VAULT_OPTIONS, VAULT_USAGE } from '../vault';

export const relatedCommand: Command = {
	name: 'related',
	summary: 'list the notes of a vault related to one of its notes (updates the index first)',
	usage: `Usage: note-search related VAULT_DIR NOTE_PATH [--limit K] [--threshold T] [--exclude GLOB]... [--json]

NOTE_PATH is the note's path inside the vault ("Projects/MCP.md"), or a path to the file.
Prints the related notes (never the note itself); with --json
{"threshold": T, "results": [{"path", "score", "band", "heading", "snippet"}]}.
${RESULT_USAGE}
${VAULT_USAGE}
${MODEL_USAGE}`,
	async run(args, ctx) {
		const { values, positionals } = parseOrUsage(() =>
			parseArgs({ args, options: { ...VAULT_OPTIONS, ...RESULT_OPTIONS }, allowPositionals: true }),
		);
		if (values.help) return printUsage(ctx, this);
		if (positionals.length !== 2) throw new UsageError(`related needs VAULT_DIR and NOTE_PATH, got ${positionals.length} arguments`, true);
		const [vaultArg, noteArg] = positionals;
		const settings = resultSettings(values);
		const request = modelRequest(values, ctx.io);
		const vault = await resolveVault(vaultArg, ctx.io.cwd);
		const notePath = vaultPath(vault, noteArg, ctx.io.cwd);
		const outcome = await withEngine(ctx, request, async (engine) => {
			const { store, exclusions } = await updateVaultIndex(ctx, vault, values, engine);
			try {
				const index = SearchIndex.fromRecords(engine.dim, await store.all());
				return relatedNotes(index, notePath, { ...settings, exclude: (p) => exclusions.isExcluded(p) });
			} finally {
				await store.close();
			}
		});
		printResults(ctx, outcome, settings, values.json ?? false, noteArg);
		return EXIT_OK;
	},
};

/**
 * The note's vault path ('/'-separated, as the index names it). Accepts it as given, or a file
 * path (absolute or from the working directory) that lies inside the vault.
 */
export function vaultPath(vault: string, note: string, cwd: string): string {
	const asVaultPath = note.split(path.sep).join('/').replace(/^\.\//, '');
	if (!path.isAbsolute(note) && existsSync(path.join(vault, asVaultPath))) return asVaultPath;
	const file = path.resolve(cwd, note);
	const relative = path.relative(vault, file);
	if (relative && !relative.startsWith('..') && !path.isAbsolute(relative) && existsSync(file)) return relative.split(path.sep).join('/');
	throw new UsageError(`no note ${note} in the vault ${vault}`);
}
