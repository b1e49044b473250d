import { writeFileSync } from 'node:fs';
import { peakRssMb } from './stats';

/**
 * Each benchmark part runs in its own child process (started by scripts/bench.mjs), so one
 * part's WASM heap or allocations never skew another's timings or peak RSS. The parent passes a
 * JSON argument and reads the JSON result from a file: libraries may print to stdout freely.
 */
export function runPart<In, Out extends object>(fn: (input: In) => Promise<Out>): void {
	const [outFile, arg] = process.argv.slice(2);
	const input = JSON.parse(arg ?? '{}') as In;
	fn(input).then(
		(result) => {
			writeFileSync(outFile, JSON.stringify({ ...result, peakRssMb: peakRssMb() }));
			// ORT keeps thread pools alive; leave without waiting for them.
			process.exit(0);
		},
		(err: unknown) => {
			console.error(err);
			process.exit(1);
		},
	);
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function now(): number {
	return performance.now();
}

/** CPU seconds (user + system, all threads) used by this process since `start`. */
export function cpuSince(start: NodeJS.CpuUsage): number {
	const d = process.cpuUsage(start);
	return (d.user + d.system) / 1e6;
}
