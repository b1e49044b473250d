/**
 * Real embedding workers in Node: worker threads running the worker's handler
 * (thread-worker-entry.ts), behind the same WorkerPort the plugin's Blob workers use, so pool tests
 * can terminate a running worker for real.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { WorkerPort } from '../../src/worker/port';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'tests', '.generated', 'thread-worker', 'entry.mjs');
let bundled: Promise<unknown> | undefined;

/** Bundles the thread's script once per test file. */
export function bundleThreadWorker(): Promise<unknown> {
	bundled ??= build({
		entryPoints: [path.join(root, 'tests/helpers/thread-worker-entry.ts')],
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outfile: script,
		logLevel: 'error',
	});
	return bundled;
}

export interface ThreadWorker {
	worker: Worker;
	port: WorkerPort;
	/** Lets the next `count` blocked model calls of a gated thread run. */
	release(count?: number): void;
	/** Resolves when the gated thread has started its `call`-th model call (and blocks in it). */
	batchStarted(call: number): Promise<void>;
}

/** Starts a thread; `gated` threads block in every model call until released. */
export async function startThreadWorker(gated = false): Promise<ThreadWorker> {
	await bundleThreadWorker();
	const gate = gated ? new SharedArrayBuffer(4) : undefined;
	const worker = new Worker(script, { workerData: { gate } });
	const started = new Set<number>();
	const waiting = new Map<number, () => void>();
	let receive: ((response: unknown) => void) | undefined;
	let fatal: ((error: Error) => void) | undefined;
	worker.on('message', (message: { type?: string; call?: number }) => {
		if (message.type === 'batch-started' && message.call !== undefined) {
			started.add(message.call);
			waiting.get(message.call)?.();
			return;
		}
		receive?.(message);
	});
	worker.on('error', (error) => fatal?.(error));
	// A terminated or crashed thread exits: like a Blob worker's error event, it ends every request.
	worker.on('exit', (code) => fatal?.(new Error(`embedding worker exited with code ${code}`)));
	const port: WorkerPort = {
		post: (request, transfer) => worker.postMessage(request, transfer as ArrayBuffer[]),
		onResponse: (r) => (receive = r),
		onFatal: (f) => (fatal = f),
		terminate: () => void worker.terminate(),
	};
	const counter = gate ? new Int32Array(gate) : undefined;
	return {
		worker,
		port,
		release(count = 1) {
			if (!counter) return;
			Atomics.add(counter, 0, count);
			Atomics.notify(counter, 0);
		},
		batchStarted: (call) => (started.has(call) ? Promise.resolve() : new Promise((resolve) => waiting.set(call, resolve))),
	};
}
