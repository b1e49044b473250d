/**
 * The longest main-thread task while the built plugin indexes the sample vault in headless
 * Chromium, through the e2e's own run (real model, fp32 and q8): a task over 100 ms is a freeze the
 * user feels. Measured here, not asserted in the e2e test, because a task's length depends on what
 * else the machine runs (CI saw 141 ms with the WebGPU parity test compiling shaders beside it).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runE2E, type LongTask } from '../browser/e2e';
import { runPart } from './part';

export interface MainThreadRun {
	dtype: 'fp32' | 'q8';
	indexingLongestMs: number;
	indexingLongTasks: number;
	modelLoadLongestMs: number;
	/** The page's long-task observer saw a deliberate 150 ms block: without that, zero means nothing. */
	observerWorks: boolean;
	loadavg: number[];
}

const longest = (tasks: LongTask[]): number => Math.max(0, ...tasks.map((t) => t.duration));

runPart<{ root: string; modelDir: string }, { runs: MainThreadRun[] }>(async ({ root, modelDir }) => {
	const runs: MainThreadRun[] = [];
	for (const dtype of ['fp32', 'q8'] as const) {
		const before = loadavg()[0];
		const r = await runE2E({ root, modelDir, dtype, banner: `bench: main thread while indexing (${dtype})`, screenshotName: `bench-main-thread-${dtype}.png`, outDir: join(root, 'bench-results', '.build') });
		runs.push({
			dtype,
			indexingLongestMs: longest(r.indexingLongTasks),
			indexingLongTasks: r.indexingLongTasks.length,
			modelLoadLongestMs: longest(r.modelLoadLongTasks),
			observerWorks: r.observerWorks,
			loadavg: [before, loadavg()[0]],
		});
	}
	return { runs };
});
