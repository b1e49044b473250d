import type { EmbeddingEngine } from '../core/embedding/types';
import type { ModelRequest } from './args';
import type { CliIo } from './io';

/** Everything a command needs from outside; `run` fills it with the real thing, tests with fakes. */
export interface CliContext {
	io: CliIo;
	/** Loads the model; the caller disposes it. */
	openEngine(request: ModelRequest): Promise<EmbeddingEngine>;
	/** fixtures/similarity-reference.toml of this checkout, used when verify gets no --fixtures. */
	defaultFixturesFile: string;
	/** Root of per-vault index caches, used when index/search/related get no --cache-dir. */
	cacheRoot: string;
}

export interface Command {
	name: string;
	/** One line for the command list. */
	summary: string;
	/** Full usage text for `note-search COMMAND --help`. */
	usage: string;
	/** Returns the exit code; throws UsageError (or a model/fixture error) for exit 2. */
	run(args: string[], ctx: CliContext): Promise<number>;
}

/** Runs `use` with a loaded engine and always disposes it, so the process can exit. */
export async function withEngine<T>(ctx: CliContext, request: ModelRequest, use: (engine: EmbeddingEngine) => Promise<T>): Promise<T> {
	const engine = await ctx.openEngine(request);
	try {
		return await use(engine);
	} finally {
		await engine.dispose();
	}
}

/** Answers --help: the usage on stdout, success. */
export function printUsage(ctx: CliContext, command: Command): number {
	ctx.io.stdout(`${command.usage}\n`);
	return 0;
}

/** Prints a JSON document as one line, as scripts expect. */
export function printJson(ctx: CliContext, value: unknown): void {
	ctx.io.stdout(`${JSON.stringify(value)}\n`);
}

/** Usage lines shared by commands that load the model. */
export const MODEL_USAGE = `  --model-dir DIR      model folder (config.json, tokenizer.json, onnx/model.onnx); default:
                       $NOTE_SEARCH_MODEL_DIR, else the verified download cache
  --dtype fp32|q8      weights to use (default fp32, the one that matches Python)
  --allow-download     fetch the pinned model from the Hugging Face Hub if it is not cached`;

/** Usage lines of the commands that take texts (tokenize, embed): TEXTS_OPTIONS. */
export const TEXTS_USAGE = `  --stdin              read a JSON array of strings from standard input
  --json               JSON output (the default; accepted for scripts that pass it)
${MODEL_USAGE}`;
