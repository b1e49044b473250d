/**
 * The calibration method, one for both uses (search: query → passage; related notes: note → note).
 * See docs/CALIBRATION.md for the data it runs on and the numbers it gave.
 */

/** A score (a cosine, or a standard score) and whether a human judged the two texts related. */
export interface LabelledScore {
	score: number;
	related: boolean;
}

/** Share of unrelated samples that must stay below a fitted cut (the target). */
export const UNRELATED_BELOW_TARGET = 0.95;
/** Share of related samples that should reach a fitted cut (the target; reported, not enforced). */
export const RELATED_ABOVE_TARGET = 0.9;

/** How cut-offs sort labelled samples: the two shares the targets are stated in. */
export interface CutQuality {
	/** Unrelated samples hidden (below the cut), as a share of all unrelated ones. */
	unrelatedBelow: number;
	/** Related samples shown (at or above the cut), as a share of all related ones. */
	relatedAbove: number;
}

/**
 * The cut-off for one use, from labelled samples of the calibration half:
 *
 * 1. Candidate cuts lie in the gaps between neighbouring distinct scores (a cut on a score would
 *    make its side depend on rounding).
 * 2. Only cuts that keep at least {@link UNRELATED_BELOW_TARGET} of the unrelated samples below
 *    are allowed: showing an unrelated note (Telemark for "MCP servers") is the failure users
 *    notice, so that target is a constraint, not something to trade.
 * 3. Among those, the cut with the highest balanced accuracy (mean of the two shares, so the
 *    many unrelated samples do not outvote the few related ones) wins; ties go to the widest gap,
 *    and the cut sits in its middle, leaving the largest margin for model drift (q8) either way.
 *
 * When the classes separate cleanly this is the midpoint between the highest unrelated and the
 * lowest related score.
 *
 * @throws RangeError when either class is empty, a score is not finite, or all scores are equal.
 */
export function fitThreshold(samples: readonly LabelledScore[]): number {
	const { related, unrelated } = split(samples);
	const sorted = [...samples].sort((x, y) => x.score - y.score);
	// Walking the cut upwards: unrelated samples passed are below it, related ones passed are lost.
	let unrelatedPassed = 0;
	let relatedPassed = 0;
	let best: { accuracy: number; width: number; cut: number } | undefined;
	for (let i = 0; i + 1 < sorted.length; i++) {
		if (sorted[i].related) relatedPassed++;
		else unrelatedPassed++;
		const lo = sorted[i].score;
		const hi = sorted[i + 1].score;
		if (hi === lo) continue;
		const unrelatedBelow = unrelatedPassed / unrelated.length;
		if (unrelatedBelow < UNRELATED_BELOW_TARGET) continue;
		const accuracy = (unrelatedBelow + 1 - relatedPassed / related.length) / 2;
		const width = hi - lo;
		if (!best || accuracy > best.accuracy || (accuracy === best.accuracy && width > best.width)) {
			best = { accuracy, width, cut: (lo + hi) / 2 };
		}
	}
	// Above the highest score every unrelated sample is below: only all-equal scores leave no gap.
	if (!best) throw new RangeError('calibration needs at least two distinct scores');
	return best.cut;
}

/**
 * The 'strong' band: midway between the threshold and the median score of the related samples
 * that pass it, i.e. a shown match closer to a typical shown related pair than to the boundary.
 * Only passing samples count: where many related pairs score below the threshold (note to note),
 * their median sits at the threshold itself and every shown result would be called strong. The
 * median keeps one near-identical paraphrase from pulling the band up.
 */
export function fitStrong(samples: readonly LabelledScore[], threshold: number): number {
	const shown = split(samples).related.filter((score) => score >= threshold);
	if (shown.length === 0) return threshold;
	return (threshold + median(shown)) / 2;
}

function split(samples: readonly LabelledScore[]): { related: number[]; unrelated: number[] } {
	if (samples.some((s) => !Number.isFinite(s.score))) throw new RangeError('calibration scores must be finite');
	const related = samples.filter((s) => s.related).map((s) => s.score);
	const unrelated = samples.filter((s) => !s.related).map((s) => s.score);
	if (related.length === 0 || unrelated.length === 0) {
		throw new RangeError('calibration needs at least one related and one unrelated score');
	}
	return { related, unrelated };
}

function median(values: readonly number[]): number {
	const s = [...values].sort((x, y) => x - y);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
