/**
 * The page of the device-parity run (device-parity.ts): starts the plugin's own worker bundle as a
 * Blob worker, exactly as main.js does, talks to it through the plugin's WorkerClient, and embeds
 * texts on the device asked for. The one addition is a prelude in front of the worker script that
 * counts the worker's WebGPU queue submissions and compute dispatches, so a run that silently fell
 * back to the CPU cannot pass for a WebGPU run.
 */
import { requiredFiles } from '../../src/core/embedding/model-manifest';
import type { ComputeInfo, Device, Dtype } from '../../src/core/embedding/types';
import { workerPort } from '../../src/worker/port';
import { WorkerClient } from '../../src/worker/worker-client';

/** Counts GPU work in the worker and answers `{ type: 'gpu-calls' }` itself (the plugin's handler never sees it). */
const GPU_COUNTER_PRELUDE = `
const gpuCalls = { submits: 0, dispatches: 0 };
const countCalls = (proto, name, key) => {
	if (!proto || typeof proto[name] !== 'function') return;
	const original = proto[name];
	proto[name] = function (...args) { gpuCalls[key]++; return original.apply(this, args); };
};
countCalls(self.GPUQueue && GPUQueue.prototype, 'submit', 'submits');
countCalls(self.GPUComputePassEncoder && GPUComputePassEncoder.prototype, 'dispatchWorkgroups', 'dispatches');
self.addEventListener('message', (event) => {
	if (event.data && event.data.type === 'gpu-calls') {
		event.stopImmediatePropagation();
		self.postMessage({ type: 'gpu-calls', ...gpuCalls });
	}
});
`;

export interface DeviceRun {
	/** What the worker reported after loading the model. */
	compute: ComputeInfo;
	/** One vector per text, in input order. */
	vectors: number[][];
	/** WebGPU work the worker issued while loading and embedding. */
	gpuCalls: { submits: number; dispatches: number };
	loadSeconds: number;
	embedSeconds: number;
}

async function modelFiles(dtype: Dtype): Promise<Record<string, Uint8Array>> {
	const files: Record<string, Uint8Array> = {};
	for (const file of requiredFiles(dtype)) {
		const response = await fetch(`/model/${file.path}`);
		if (!response.ok) throw new Error(`the test server has no ${file.path}`);
		files[file.path] = new Uint8Array(await response.arrayBuffer());
	}
	return files;
}

function gpuCalls(worker: Worker): Promise<{ submits: number; dispatches: number }> {
	return new Promise((resolve) => {
		const listen = (event: MessageEvent): void => {
			const data = event.data as { type?: string; submits: number; dispatches: number };
			if (data?.type !== 'gpu-calls') return;
			worker.removeEventListener('message', listen);
			resolve({ submits: data.submits, dispatches: data.dispatches });
		};
		worker.addEventListener('message', listen);
		worker.postMessage({ type: 'gpu-calls' });
	});
}

/**
 * Loads the model on `device` in a fresh worker, embeds each group of texts in one call (the
 * engine pads a call's texts to its longest), stops the worker. Vectors come back in input order.
 */
async function embedOn(device: Device, dtype: Dtype, groups: string[][]): Promise<DeviceRun> {
	const source = await (await fetch('/worker.js')).text();
	const url = URL.createObjectURL(new Blob([GPU_COUNTER_PRELUDE, source], { type: 'text/javascript' }));
	const worker = new Worker(url, { name: `parity-${device}` });
	try {
		const t0 = performance.now();
		const client = await WorkerClient.start(workerPort(worker), { files: await modelFiles(dtype), dtype, device });
		const t1 = performance.now();
		const vectors: number[][] = [];
		for (const texts of groups) for (const v of await client.embed(texts)) vectors.push(Array.from(v));
		const t2 = performance.now();
		return { compute: client.compute, vectors, gpuCalls: await gpuCalls(worker), loadSeconds: (t1 - t0) / 1000, embedSeconds: (t2 - t1) / 1000 };
	} finally {
		worker.terminate();
		URL.revokeObjectURL(url);
	}
}

const embedPage = { embedOn };
export type EmbedPage = typeof embedPage;

declare global {
	interface Window {
		embedPage: EmbedPage;
	}
}
window.embedPage = embedPage;
