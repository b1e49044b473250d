/**
 * Chromium's own process figures for the renderer that runs the benchmark page. Dedicated workers
 * are threads of their page's renderer process, so a worker's memory shows as growth of that
 * process. The renderers are named by CDP (SystemInfo.getProcessInfo: type, pid and CPU time);
 * their memory is the kernel's record in /proc/<pid>/status: VmRSS (resident now) and VmHWM (the
 * highest VmRSS recorded). VmHWM alone under-reports: the kernel updates it lazily (when memory is
 * unmapped), and one run here showed a VmHWM below a VmRSS read earlier. So the peak is the
 * larger of VmHWM and VmRSS sampled every 50 ms.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

export interface RendererFigures {
	pid: number;
	/** Resident set now, MB (VmRSS). */
	rssMb: number;
	/** CPU seconds of all the process's threads (CDP cpuTime). */
	cpuSeconds: number;
}

const SAMPLE_MS = 50;

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
	if (kb === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
	return Number(kb) / 1024;
}

/** Every renderer process of the browser behind `cdp` (a browser-level session). */
export async function rendererFigures(cdp: CDPSession): Promise<RendererFigures[]> {
	const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
	return processInfo.filter((p) => p.type === 'renderer').map((p) => ({ pid: p.id, rssMb: statusMb(p.id, 'VmRSS'), cpuSeconds: p.cpuTime }));
}

/** Watches the peak memory of `pids` until `stop()`, which returns each one's peak in MB. */
export function watchPeaks(pids: readonly number[]): { stop(): Map<number, number> } {
	const peaks = new Map(pids.map((pid) => [pid, statusMb(pid, 'VmRSS')]));
	const sample = (field: 'VmRSS' | 'VmHWM'): void => {
		for (const pid of peaks.keys()) {
			try {
				peaks.set(pid, Math.max(peaks.get(pid) ?? 0, statusMb(pid, field)));
			} catch {
				peaks.delete(pid); // a spare renderer that Chromium ended: not the page's
			}
		}
	};
	const timer = setInterval(() => sample('VmRSS'), SAMPLE_MS);
	return {
		stop() {
			clearInterval(timer);
			sample('VmRSS');
			sample('VmHWM');
			return peaks;
		},
	};
}

/**
 * The renderer of the benchmark page: of the page's renderers (Chromium keeps a spare and utility
 * renderers too), the one whose peak grew most over its size before the run; the workers ran there.
 */
export function pageRenderer(before: readonly RendererFigures[], peaks: ReadonlyMap<number, number>): { before: RendererFigures; peakMb: number } {
	let best: { before: RendererFigures; peakMb: number } | undefined;
	for (const b of before) {
		const peakMb = peaks.get(b.pid);
		if (peakMb !== undefined && (!best || peakMb - b.rssMb > best.peakMb - best.before.rssMb)) best = { before: b, peakMb };
	}
	if (!best) throw new Error('no renderer process of the benchmark page was watched');
	return best;
}
