import { MODEL_OPTIONS, modelRequest, parseArgs, parseOrUsage, readTexts } from '../args';
import { MODEL_USAGE, printJson, printUsage, withEngine, type Command } from '../command';
import { EXIT_OK } from '../errors';

export const embedCommand: Command = {
	name: 'embed',
	summary: 'print the sentence embeddings of texts (mean-pooled, L2-normalised)',
	usage: `Usage: note-search embed [--model-dir DIR] [--dtype fp32|q8] [--json] (TEXT... | --stdin)

Prints {"model": KEY, "dtype": "fp32", "dim": 384, "embeddings": [[…], …]}.
  --stdin              read a JSON array of strings from standard input
  --json               JSON output (the default; accepted for scripts that pass it)
${MODEL_USAGE}`,
	async run(args, ctx) {
		const { values, positionals } = parseOrUsage(() =>
			parseArgs({ args, options: { ...MODEL_OPTIONS, json: { type: 'boolean' }, stdin: { type: 'boolean' } }, allowPositionals: true }),
		);
		if (values.help) return printUsage(ctx, this);
		const request = modelRequest(values, ctx.io);
		const texts = await readTexts(positionals, values.stdin, ctx.io);
		await withEngine(ctx, request, async (engine) => {
			const vectors = await engine.embed(texts);
			printJson(ctx, { model: engine.modelKey, dtype: request.dtype, dim: engine.dim, embeddings: vectors.map((v) => Array.from(v)) });
		});
		return EXIT_OK;
	},
};
