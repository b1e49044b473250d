/**
 * A Node worker thread running the worker's real handler on a FakeEmbedder (bundled by
 * thread-worker.ts). With `workerData.gate` set, every model call announces itself to the parent
 * ({ type: 'batch-started' }) and then blocks the thread, as a long WASM call does, until the
 * parent has released that many calls: a test can terminate the thread in the middle of a batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createWorkerHandler } from '../../src/worker/handler';
import { transferablesOf } from '../../src/worker/protocol';
import { FakeEmbedder } from './fake-embedder';

const port = parentPort;
if (!port) throw new Error('thread-worker-entry runs only as a worker thread');
const data = workerData as { gate?: SharedArrayBuffer } | undefined;
const gate = data?.gate ? new Int32Array(data.gate) : undefined;

class BlockingEmbedder extends FakeEmbedder {
	private batches = 0;
	override embedWordPieces(rows: readonly (readonly number[])[]): Promise<Float32Array[]> {
		if (gate) {
			const call = ++this.batches;
			port?.postMessage({ type: 'batch-started', call });
			for (let released = Atomics.load(gate, 0); released < call; released = Atomics.load(gate, 0)) Atomics.wait(gate, 0, released);
		}
		return super.embedWordPieces(rows);
	}
}

const handle = createWorkerHandler({
	createEngine: () => Promise.resolve(new BlockingEmbedder({ dim: 8 })),
	progress: (message) => port.postMessage(message),
});
port.on('message', (message: unknown) => {
	void handle(message).then((response) => port.postMessage(response, transferablesOf(response) as ArrayBuffer[]));
});
