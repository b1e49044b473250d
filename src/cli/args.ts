import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Dtype } from '../core/embedding/types';
import { UsageError } from './errors';
import type { CliIo } from './io';

/** Options shared by every command that loads the model. */
export const MODEL_OPTIONS = {
	'model-dir': { type: 'string' },
	dtype: { type: 'string' },
	'allow-download': { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** Options of the commands that take texts (tokenize, embed); see TEXTS_USAGE. */
export const TEXTS_OPTIONS = {
	...MODEL_OPTIONS,
	json: { type: 'boolean' },
	stdin: { type: 'boolean' },
} as const;

/** What a command asks of the model loader. */
export interface ModelRequest {
	/** A local model folder; undefined means the download cache (and the Hub if allowed). */
	modelDir?: string;
	dtype: Dtype;
	allowDownload: boolean;
}

/** Runs node:util parseArgs, turning its errors (unknown option, missing value) into usage errors. */
export function parseOrUsage<T>(parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
			// Node's own text for an unknown option suggests '-- "--bogus"' and leaves a quote open.
			const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '([^']*)'/.exec(error.message) : null;
			if (unknown) throw new UsageError(`unknown option ${unknown[1]}`, true);
			// Its later lines say how to fix it (e.g. '--model-dir=-x'), so keep them, on one line.
			throw new UsageError(error.message.replace(/\s*\n\s*/g, ' '), true);
		}
		throw error;
	}
}

/** An argument that reads as a negative number ("-0.1", "-1", "-.5"); no option starts like that. */
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * Joins `--name VALUE` into `--name=VALUE` when the option takes a value and VALUE looks like a
 * negative number, so `--threshold -0.1` works: parseArgs alone rejects it as ambiguous (it could
 * be a forgotten value followed by an option). Arguments after `--` are left alone.
 */
export function joinNegativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
	const out: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--') {
			out.push(...args.slice(i));
			break;
		}
		const next = args[i + 1];
		const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
		if (name !== undefined && Object.hasOwn(options, name) && options[name].type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
			out.push(`${arg}=${next}`);
			i++;
		} else {
			out.push(arg);
		}
	}
	return out;
}

/** parseArgs for a command: positionals allowed, negative numbers accepted as option values, errors as usage errors. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O) {
	return parseOrUsage(() => parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true }));
}

export function parseDtype(value: string | undefined): Dtype {
	if (value === undefined || value === 'fp32') return 'fp32';
	if (value === 'q8') return 'q8';
	throw new UsageError(`--dtype must be fp32 or q8, got "${value}"`);
}

/**
 * The model source: --model-dir, else $NOTE_SEARCH_MODEL_DIR (the same variable the real-weights
 * test tier reads), else the verified download cache.
 */
export function modelRequest(values: { 'model-dir'?: string; dtype?: string; 'allow-download'?: boolean }, io: CliIo): ModelRequest {
	const modelDir = values['model-dir'] ?? (io.env.NOTE_SEARCH_MODEL_DIR || undefined);
	return { modelDir, dtype: parseDtype(values.dtype), allowDownload: values['allow-download'] ?? false };
}

/** Parses the arguments of a command that takes texts: TEXT... or --stdin, plus the model options. */
export function parseTextsArgs(args: string[]) {
	return parseCommandArgs(args, TEXTS_OPTIONS);
}

/** The texts to work on: the positional arguments, or with --stdin a JSON array of strings. */
export async function readTexts(positionals: readonly string[], fromStdin: boolean | undefined, io: CliIo): Promise<string[]> {
	if (!fromStdin) {
		if (positionals.length === 0) throw new UsageError('give at least one TEXT argument, or --stdin with a JSON array of strings', true);
		return [...positionals];
	}
	if (positionals.length > 0) throw new UsageError('give texts either as arguments or with --stdin, not both', true);
	const input = await io.readStdin();
	let parsed: unknown;
	try {
		parsed = JSON.parse(input);
	} catch (error) {
		throw new UsageError(`stdin is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
	if (!Array.isArray(parsed) || !parsed.every((t): t is string => typeof t === 'string')) {
		throw new UsageError('stdin must be a JSON array of strings, e.g. ["first text", "second text"]');
	}
	return parsed;
}

/** A number option within [min, max], or the fallback when absent. */
export function numberOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number in [${min}, ${max}], got "${value}"`);
	return n;
}
