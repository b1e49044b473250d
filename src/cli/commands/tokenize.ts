import { modelRequest, parseTextsArgs, readTexts } from '../args';
import { printJson, printUsage, TEXTS_USAGE, withEngine, type Command } from '../command';
import { EXIT_OK } from '../errors';

export const tokenizeCommand: Command = {
	name: 'tokenize',
	summary: 'print the model input ids of texts ([CLS] … [SEP], truncated at 256 as the engine does)',
	usage: `Usage: note-search tokenize [--model-dir DIR] [--json] (TEXT... | --stdin)

Prints {"ids": [[101, …, 102], …]}, one list per text, exactly what the model sees.
${TEXTS_USAGE}`,
	async run(args, ctx) {
		const { values, positionals } = parseTextsArgs(args);
		if (values.help) return printUsage(ctx, this);
		const texts = await readTexts(positionals, values.stdin, ctx.io);
		// The engine is the only public way to the tokenizer, so this loads the weights too.
		await withEngine(ctx, modelRequest(values, ctx.io), (engine) => {
			printJson(ctx, { ids: texts.map((t) => engine.tokenizer.modelInput(t)) });
			return Promise.resolve();
		});
		return EXIT_OK;
	},
};
