/** The WebGPU probe says which adapter WebGPU offers, whether it is software, or why there is none. */
import { describe, expect, it } from 'vitest';
import { probeWebGpu } from '../../../src/core/embedding/webgpu-adapter';

const gpuWith = (adapter: unknown) => ({ requestAdapter: () => Promise.resolve(adapter) });

describe('probeWebGpu', () => {
	it('names a hardware adapter by vendor and architecture', async () => {
		expect(await probeWebGpu(gpuWith({ info: { vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false } }))).toEqual({ adapter: { name: 'nvidia ampere', software: false } });
	});

	it('marks a fallback adapter (SwiftShader) as software, also as older Chromium reported it', async () => {
		expect(await probeWebGpu(gpuWith({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } }))).toEqual({ adapter: { name: 'google swiftshader', software: true } });
		expect(await probeWebGpu(gpuWith({ info: { vendor: '', architecture: '' }, isFallbackAdapter: true }))).toEqual({ adapter: { name: 'unnamed adapter', software: true } });
	});

	it('says why there is no WebGPU: no API, no adapter, or an error', async () => {
		expect(await probeWebGpu(undefined)).toEqual({ unavailable: 'this app offers no WebGPU' });
		expect(await probeWebGpu(gpuWith(null))).toEqual({ unavailable: 'WebGPU has no adapter here (no supported GPU, or the GPU is blocklisted)' });
		expect(await probeWebGpu({ requestAdapter: () => Promise.reject(new Error('GPU process crashed')) })).toEqual({ unavailable: 'asking WebGPU for an adapter failed: GPU process crashed' });
	});
});
