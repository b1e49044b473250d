/** One query's ranking input: its score for every candidate, and which candidates are relevant. */
export interface RankedQuery {
	/** Score per candidate id (every candidate the query ranks). */
	scores: ReadonlyMap<string, number>;
	relevant: readonly string[];
}

export interface RetrievalQuality {
	/** Mean over queries of the share of their relevant candidates ranked in the top k. */
	recallAtK: number;
	/** Mean over queries of 1 / rank of the first relevant candidate. */
	mrr: number;
	k: number;
	queries: number;
}

/**
 * Recall@k and mean reciprocal rank of a plain ranking by score, with ties broken by id as search
 * breaks them by path. No threshold: this measures the order, the baseline later ranking work
 * must beat.
 * @throws RangeError for no queries, a query without relevant candidates, or one that is not scored.
 */
export function retrievalQuality(queries: readonly RankedQuery[], k = 5): RetrievalQuality {
	return listQuality(
		queries.map((q) => {
			const missing = q.relevant.find((id) => !q.scores.has(id));
			if (missing !== undefined) throw new RangeError(`relevant candidate "${missing}" has no score`);
			return { ranked: [...q.scores].sort(([a, x], [b, y]) => (x !== y ? y - x : a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id), relevant: q.relevant };
		}),
		k,
	);
}

/** One query's answer as a list, best first (it may hold only some candidates), and its relevant candidates. */
export interface ListedQuery {
	ranked: readonly string[];
	relevant: readonly string[];
}

/**
 * Recall@k and MRR of result lists as the user sees them (after a threshold, or several sections
 * one after the other). A relevant candidate missing from a list counts as not found: it adds
 * nothing to recall, and a list without any relevant one adds 0 to the MRR.
 * @throws RangeError for no queries or a query without relevant candidates.
 */
export function listQuality(queries: readonly ListedQuery[], k = 5): RetrievalQuality {
	if (queries.length === 0) throw new RangeError('retrieval quality needs at least one query');
	let recall = 0;
	let reciprocal = 0;
	for (const q of queries) {
		if (q.relevant.length === 0) throw new RangeError('every query needs at least one relevant candidate');
		const relevant = new Set(q.relevant);
		recall += q.ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
		const first = q.ranked.findIndex((id) => relevant.has(id));
		if (first >= 0) reciprocal += 1 / (first + 1);
	}
	return { recallAtK: recall / queries.length, mrr: reciprocal / queries.length, k, queries: queries.length };
}
