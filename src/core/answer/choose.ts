/**
 * How close the runner-up sentence must score to the best one (in cosine) to be part of the
 * answer too: an answer often takes two sentences ("X is Y. It does Z."), but a sentence clearly
 * behind the best one would only dilute the highlight.
 */
export const SECOND_SENTENCE_MARGIN = 0.05;

/**
 * Positions of the answer among `scores` (one cosine per candidate sentence): the best, and the
 * runner-up when it is within {@link SECOND_SENTENCE_MARGIN} of it; in ascending order. Ties go
 * to the earlier sentence; NaN never wins. Empty when no score is a number.
 */
export function chooseAnswer(scores: ArrayLike<number>): number[] {
	let best = -1;
	let second = -1;
	for (let i = 0; i < scores.length; i++) {
		const s = scores[i];
		if (Number.isNaN(s)) continue;
		if (best < 0 || s > scores[best]) {
			second = best;
			best = i;
		} else if (second < 0 || s > scores[second]) {
			second = i;
		}
	}
	if (best < 0) return [];
	if (second < 0 || scores[second] < scores[best] - SECOND_SENTENCE_MARGIN) return [best];
	return [best, second].sort((a, b) => a - b);
}
