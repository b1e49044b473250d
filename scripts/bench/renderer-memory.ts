/**
 * Chromium's own process figures for the renderer that runs the benchmark page. Dedicated workers
 * are threads of their page's renderer process, so a worker's memory shows as growth of that
 * process. The renderers are named by CDP (SystemInfo.getProcessInfo: type, pid and CPU time);
 * their memory is the kernel's record in /proc/<pid>/status: VmRSS (resident now) and VmHWM (the
 * highest VmRSS the process ever had, i.e. its peak).
 */
import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

export interface RendererFigures {
	pid: number;
	/** Resident set now, MB (VmRSS). */
	rssMb: number;
	/** Peak resident set since the process started, MB (VmHWM). */
	peakMb: number;
	/** CPU seconds of all the process's threads (CDP cpuTime). */
	cpuSeconds: number;
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
	if (kb === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
	return Number(kb) / 1024;
}

/** Every renderer process of the browser behind `cdp` (a browser-level session). */
export async function rendererFigures(cdp: CDPSession): Promise<RendererFigures[]> {
	const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
	return processInfo
		.filter((p) => p.type === 'renderer')
		.map((p) => ({ pid: p.id, rssMb: statusMb(p.id, 'VmRSS'), peakMb: statusMb(p.id, 'VmHWM'), cpuSeconds: p.cpuTime }));
}

/**
 * The renderer of the benchmark page: of the single page's renderers (Chromium keeps a spare and
 * utility renderers too), the one whose peak grew most since `before`, where the workers ran.
 */
export function pageRenderer(before: readonly RendererFigures[], after: readonly RendererFigures[]): { before: RendererFigures; after: RendererFigures } {
	let best: { before: RendererFigures; after: RendererFigures } | undefined;
	for (const a of after) {
		const b = before.find((r) => r.pid === a.pid);
		if (b && (!best || a.peakMb - b.rssMb > best.after.peakMb - best.before.rssMb)) best = { before: b, after: a };
	}
	if (!best) throw new Error('no renderer process of the benchmark page was seen before and after the run');
	return best;
}
