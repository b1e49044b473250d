import { explainEmpty, type EmptyReason, type SearchOutcome } from '../core/search';
import { DEFAULT_CALIBRATION, userCalibration, type Calibration, type CalibrationUse } from '../core/search/calibration';
import { publicResult, publicWordMatch } from '../core/search/public-result';
import { numberOption } from './args';
import type { CliContext } from './command';
import { UsageError } from './errors';

/** Options shared by search and related. */
export const RESULT_OPTIONS = {
	limit: { type: 'string' },
	threshold: { type: 'string' },
} as const;

export const RESULT_USAGE = `  --limit K            at most K notes (default 10)
  --threshold T        minimum similarity in [-1, 1] (default ${DEFAULT_CALIBRATION.threshold}, calibrated on
                       labelled notes; related notes use a cut-off calibrated apart that moves
                       with it; see docs/CALIBRATION.md)`;

export interface ResultSettings {
	limit: number;
	calibration: Calibration;
}

export function resultSettings(values: { limit?: string; threshold?: string }, use: CalibrationUse): ResultSettings {
	const limit = numberOption('limit', values.limit, 10, 1, 10_000);
	if (!Number.isInteger(limit)) throw new UsageError(`--limit must be a whole number, got "${values.limit}"`);
	const threshold = numberOption('threshold', values.threshold, DEFAULT_CALIBRATION.threshold, -1, 1);
	return { limit, calibration: userCalibration(use, threshold) };
}

/**
 * Prints results as {"threshold", "results": [{path, score, band, heading, snippet, answer?}]} (plus
 * "reason" and "message" when the list is empty, and for search "containsWords":
 * [{path, words, heading, snippet}], the notes below the threshold that hold the query's rare
 * words), or as lines for people, the keyword section under its own heading.
 */
export function printResults(ctx: CliContext, outcome: SearchOutcome, settings: ResultSettings, json: boolean, subject: string): void {
	const message = outcome.reason === undefined ? undefined : explain(outcome.reason, subject, settings);
	if (json) {
		const results = outcome.results.map(publicResult);
		const empty = outcome.reason === undefined ? {} : { reason: outcome.reason, message };
		const words = outcome.containsWords === undefined ? {} : { containsWords: outcome.containsWords.map(publicWordMatch) };
		ctx.io.stdout(`${JSON.stringify({ threshold: settings.calibration.threshold, results, ...empty, ...words })}\n`);
		return;
	}
	const indent = ' '.repeat(18);
	const where = (r: { path: string; heading: string }) => (r.heading ? `${r.path} › ${r.heading}` : r.path);
	const lines =
		message !== undefined
			? [message]
			: outcome.results.map((r) => {
					// The answer sentences are marked as markdown bold, which reads as emphasis in a terminal too.
					const snippet = r.answer ? r.answer.parts.map((p) => (p.answer ? `**${p.text}**` : p.text)).join('') : r.snippet;
					return `${r.score.toFixed(3)}  ${r.band.padEnd(7)}  ${where(r)}\n${indent}${snippet.replace(/\s+/g, ' ')}`;
				});
	const words = outcome.containsWords ?? [];
	if (words.length > 0) {
		lines.push('', 'Contains your words:');
		for (const m of words) lines.push(`${m.words.join(', ').padEnd(16)}  ${where(m)}\n${indent}${m.snippet.replace(/\s+/g, ' ')}`);
	}
	ctx.io.stdout(`${lines.join('\n')}\n`);
}

function explain(reason: EmptyReason, subject: string, settings: ResultSettings): string {
	// The core's text points at "settings"; on the command line the knob is --threshold.
	return explainEmpty(reason, { subject, threshold: settings.calibration.threshold }).replace('in settings', 'with --threshold');
}
