import { modelRequest, parseTextsArgs, readTexts } from '../args';
import { printJson, printUsage, TEXTS_USAGE, withEngine, type Command } from '../command';
import { EXIT_OK } from '../errors';

export const embedCommand: Command = {
	name: 'embed',
	summary: 'print the sentence embeddings of texts (mean-pooled, L2-normalised)',
	usage: `Usage: note-search embed [--model-dir DIR] [--dtype fp32|q8] [--json] (TEXT... | --stdin)

Prints {"model": KEY, "dtype": "fp32", "dim": 384, "embeddings": [[…], …]}.
${TEXTS_USAGE}`,
	async run(args, ctx) {
		const { values, positionals } = parseTextsArgs(args);
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
