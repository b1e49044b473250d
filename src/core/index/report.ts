import type { KnownNote } from './known-note';
import type { IndexReport } from './types';

export function emptyReport(): IndexReport {
	return { notes: 0, chunks: 0, embedded: 0, reused: 0, renamed: 0, removed: 0, failed: [], seconds: 0 };
}

/**
 * Fills the totals from what is stored for `paths` once a run is over, so notes skipped as
 * unchanged count the same as notes embedded just now.
 */
export function finishReport(report: IndexReport, paths: readonly string[], known: ReadonlyMap<string, KnownNote>): void {
	report.notes = paths.length;
	for (const p of paths) {
		const k = known.get(p);
		if (!k) continue;
		report.chunks += k.passages;
		if (k.failure !== undefined) report.failed.push({ path: p, reason: k.failure });
	}
}
