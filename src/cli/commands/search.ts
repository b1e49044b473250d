import { vaultQueryCommand } from '../vault-query';

export const searchCommand = vaultQueryCommand({
	use: 'search',
	name: 'search',
	summary: 'find the notes of a vault closest in meaning to a query (updates the index first)',
	usage: `Usage: note-search search VAULT_DIR "QUERY" [--limit K] [--threshold T] [--exclude GLOB]... [--json]

Prints the best-matching notes, each scored by its best passage, with the passage's one or two
sentences closest to the query marked **like this** in the snippet, then under "Contains your words:"
the notes below the threshold that contain the query's rare words; with --json
{"threshold": T, "results": [{"path", "score", "band", "heading", "snippet", "answer": [SENTENCE]}],
 "containsWords": [{"path", "words", "heading", "snippet"}]}.
An empty list is a valid answer: the reason is printed instead (and as "reason"/"message" in JSON).`,
	subjectName: 'QUERY',
	answer: async (session, query, options) => session.withAnswers(await session.search(query, options)),
});
