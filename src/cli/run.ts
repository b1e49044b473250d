import { ModelNotAvailableError } from '../core/embedding';
import { FixtureError } from '../core/fixtures';
import type { CliContext, Command } from './command';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_USAGE, oneLine, UsageError } from './errors';

export const USAGE = `Usage: note-search COMMAND [options]

Semantic Note Search from the command line: the same model, chunking and index as the plugin.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(12)}${c.summary}`).join('\n')}

Run "note-search COMMAND --help" for a command's options.
index, search and related remember --exclude and --config-dir in the vault's cache folder: a later
run without them leaves out the same notes (a new --exclude replaces them; --exclude "" forgets them).
Exit codes: 0 success, 1 a check failed (verify), 2 usage or input error (one line on stderr).`;

/**
 * Runs one CLI invocation and returns its exit code. Never throws and never prints a stack trace:
 * every failure becomes one line on stderr and exit code 2.
 */
export async function run(argv: readonly string[], ctx: CliContext): Promise<number> {
	const [name, ...args] = argv;
	if (name === '--help' || name === '-h' || name === 'help') {
		ctx.io.stdout(`${USAGE}\n`);
		return EXIT_OK;
	}
	if (name === undefined) {
		ctx.io.stderr('note-search: missing COMMAND (see note-search --help)\n');
		return EXIT_USAGE;
	}
	const command = COMMANDS.find((c) => c.name === name);
	if (!command) {
		ctx.io.stderr(`note-search: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see note-search --help)\n`);
		return EXIT_USAGE;
	}
	try {
		return await command.run(args, ctx);
	} catch (error) {
		ctx.io.stderr(`note-search ${command.name}: ${describe(error, command)}\n`);
		return EXIT_USAGE;
	}
}

/** One line for any failure; usage errors point at --help. */
function describe(error: unknown, command: Command): string {
	if (error instanceof UsageError) return error.showUsage ? `${error.message} (see note-search ${command.name} --help)` : error.message;
	// Fixture messages already start with file:line.
	if (error instanceof FixtureError) return error.message;
	// The engine's message speaks of "the plugin"; say how to fix it here.
	if (error instanceof ModelNotAvailableError) return `${oneLine(error)} From the CLI: pass --model-dir DIR, set NOTE_SEARCH_MODEL_DIR, or add --allow-download.`;
	return oneLine(error);
}
