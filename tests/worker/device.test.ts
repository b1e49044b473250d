/** The worker loads the model on the device asked for and says where it runs; the client keeps that. */
import { describe, expect, it } from 'vitest';
import type { ComputeInfo, Device, EmbeddingEngine } from '../../src/core/embedding/types';
import { createWorkerHandler } from '../../src/worker/handler';
import { inProcessPort } from '../../src/worker/port';
import { WorkerClient } from '../../src/worker/worker-client';
import { FakeEmbedder } from '../helpers/fake-embedder';

class DeviceEmbedder extends FakeEmbedder {
	constructor(readonly compute: ComputeInfo) {
		super({ dim: 8 });
	}
}

function handler(asked: (Device | undefined)[]) {
	return createWorkerHandler({
		createEngine: (init) => {
			asked.push(init.device);
			const compute: ComputeInfo = init.device === 'webgpu' ? { device: 'webgpu', adapter: 'test vendor test gpu' } : { device: 'wasm' };
			return Promise.resolve(new DeviceEmbedder(compute) as EmbeddingEngine);
		},
	});
}

const files = { 'config.json': new Uint8Array([1]) };

describe('compute device in the worker', () => {
	it('passes the device to the engine and reports where the model runs', async () => {
		const asked: (Device | undefined)[] = [];
		const client = await WorkerClient.start(inProcessPort(handler(asked)), { files, dtype: 'fp32', device: 'webgpu' });
		expect(asked).toEqual(['webgpu']);
		expect(client.compute).toEqual({ device: 'webgpu', adapter: 'test vendor test gpu' });
		const wasm = await WorkerClient.start(inProcessPort(handler(asked)), { files, dtype: 'fp32' });
		expect(asked).toEqual(['webgpu', undefined]);
		expect(wasm.compute).toEqual({ device: 'wasm' });
	});

	it('refuses a device it does not know, with a message', async () => {
		const response = await handler([])({ id: 1, type: 'init', files, dtype: 'fp32', device: 'cuda' });
		expect(response).toEqual({ id: 1, ok: false, type: 'unknown', error: { name: 'ProtocolError', message: 'init device must be wasm or webgpu' } });
	});
});
