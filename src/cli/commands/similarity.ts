import { MODEL_OPTIONS, modelRequest, parseCommandArgs } from '../args';
import { MODEL_USAGE, printJson, printUsage, withEngine, type Command } from '../command';
import { cosine } from '../../core/fixtures';
import { EXIT_OK, UsageError } from '../errors';

export const similarityCommand: Command = {
	name: 'similarity',
	summary: 'print the cosine similarity of two texts',
	usage: `Usage: note-search similarity [--model-dir DIR] [--dtype fp32|q8] [--json] "TEXT A" "TEXT B"

Prints the cosine of the two sentence embeddings (6 decimals), or {"similarity": x} with --json.
${MODEL_USAGE}`,
	async run(args, ctx) {
		const { values, positionals } = parseCommandArgs(args, { ...MODEL_OPTIONS, json: { type: 'boolean' } });
		if (values.help) return printUsage(ctx, this);
		if (positionals.length !== 2) throw new UsageError(`similarity needs exactly two texts, got ${positionals.length}`, true);
		const request = modelRequest(values, ctx.io);
		const score = await withEngine(ctx, request, async (engine) => {
			const [a, b] = await engine.embed(positionals);
			return cosine(a, b);
		});
		if (values.json) printJson(ctx, { similarity: score });
		else ctx.io.stdout(`${score.toFixed(6)}\n`);
		return EXIT_OK;
	},
};
