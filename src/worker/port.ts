import { transferablesOf, type WorkerRequest, type WorkerResponse } from './protocol';

/** The few things the client needs from a worker; adapters below wrap a real Worker or a handler. */
export interface WorkerPort {
	post(request: WorkerRequest, transfer: Transferable[]): void;
	/** Registers the single receiver of responses. */
	onResponse(receive: (response: unknown) => void): void;
	/** Registers the receiver of fatal errors (the worker script failed). */
	onFatal(receive: (error: Error) => void): void;
	terminate(): void;
}

/** Wraps a Web Worker (in Obsidian: `new Worker(URL.createObjectURL(new Blob([source])))`). */
export function workerPort(worker: Worker): WorkerPort {
	return {
		post: (request, transfer) => worker.postMessage(request, transfer),
		onResponse: (receive) => {
			worker.onmessage = (event: MessageEvent) => receive(event.data);
		},
		onFatal: (receive) => {
			worker.onerror = (event: ErrorEvent) => {
				event.preventDefault();
				receive(new Error(`embedding worker failed: ${event.message || 'unknown error'}`));
			};
			worker.onmessageerror = () => receive(new Error('embedding worker sent an unreadable message'));
		},
		terminate: () => worker.terminate(),
	};
}

/**
 * Runs a handler in this thread behind the same interface: for Node (tests, CLI) and as a
 * fallback where workers are unavailable. Messages are structured-cloned like postMessage would.
 */
export function inProcessPort(handler: (msg: unknown) => Promise<WorkerResponse>): WorkerPort {
	let receive: ((response: unknown) => void) | undefined;
	let terminated = false;
	return {
		post: (request) => {
			const copy = structuredClone(request);
			void handler(copy).then((response) => {
				if (!terminated) receive?.(structuredClone(response, { transfer: transferablesOf(response) }));
			});
		},
		onResponse: (r) => {
			receive = r;
		},
		onFatal: () => undefined,
		terminate: () => {
			terminated = true;
		},
	};
}
