import type { SemanticNoteSearchApi, SemanticNoteSearchOptions, SemanticNoteSearchResult } from '../../../api/semantic-note-search';
import { answerResults } from '../../core/answer/answer-results';
import { publicResult, publicWordMatch } from '../../core/search/public-result';
import type { ResultOverrides, Runtime, SearchAnswer, SearchPort } from './ports';

/** Checks what another plugin passed: a clear error, never a silent default for a wrong value. */
function overrides(options: SemanticNoteSearchOptions | undefined): ResultOverrides {
	const { limit, threshold } = options ?? {};
	if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 10_000)) {
		throw new RangeError(`Semantic note search: limit must be a whole number from 1 to 10000, got ${String(limit)}`);
	}
	if (threshold !== undefined && !(typeof threshold === 'number' && threshold >= -1 && threshold <= 1)) {
		throw new RangeError(`Semantic note search: threshold must be a number from -1 to 1, got ${String(threshold)}`);
	}
	return { limit, threshold };
}

function wantsAnswers(options: SemanticNoteSearchOptions | undefined): boolean {
	const answers = options?.answers;
	if (answers !== undefined && typeof answers !== 'boolean') throw new TypeError(`Semantic note search: answers must be true or false, got ${String(answers)}`);
	return answers === true;
}

/** The results with their answers (each found in the worker, one after the other). */
async function withAnswers(port: SearchPort, found: SearchAnswer): Promise<SearchAnswer> {
	const { query } = found;
	const find = port.findAnswer?.bind(port);
	if (query === undefined || find === undefined) return found;
	return { ...found, results: await answerResults(found.results, query, find) };
}

function text(value: unknown, name: string): string {
	if (typeof value !== 'string') throw new TypeError(`Semantic note search: ${name} must be a string, got ${typeof value}`);
	return value;
}

/** `app.plugins.getPlugin('semantic-note-search').api`: search and related notes for other plugins. */
export function createApi(runtime: () => Runtime | null): SemanticNoteSearchApi {
	const current = (): Runtime => {
		const r = runtime();
		if (!r) throw new Error('Semantic note search is not running.');
		return r;
	};
	const answer = async (pending: Promise<SearchAnswer>): Promise<SemanticNoteSearchResult[]> => (await pending).results.map(publicResult);
	/** A search, with its answers when the caller asked for them. */
	const searched = (query: string, options: SemanticNoteSearchOptions | undefined): Promise<SearchAnswer> => {
		const port = current().search;
		const found = port.search(text(query, 'query'), overrides(options));
		return wantsAnswers(options) ? found.then((f) => withAnswers(port, f)) : found;
	};
	return Object.freeze({
		version: 1 as const,
		ready: async () => current().ready(),
		search: async (query: string, options?: SemanticNoteSearchOptions) => answer(searched(query, options)),
		searchWithWords: async (query: string, options?: SemanticNoteSearchOptions) => {
			const found = await searched(query, options);
			return { results: found.results.map(publicResult), containsWords: (found.containsWords ?? []).map(publicWordMatch) };
		},
		related: async (path: string, options?: SemanticNoteSearchOptions) => answer(current().search.related(text(path, 'path'), overrides(options))),
	});
}
