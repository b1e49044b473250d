/**
 * Asks the platform for a WebGPU adapter before any model is loaded on it, so "no WebGPU here"
 * costs a few milliseconds instead of a model load. Works on the main thread and in workers
 * (both have `navigator.gpu` where WebGPU exists); Node has none.
 */

/** The few fields of WebGPU's GPUAdapterInfo we read (TypeScript's DOM library has no WebGPU types). */
interface AdapterInfoLike {
	vendor?: string;
	architecture?: string;
	isFallbackAdapter?: boolean;
}

interface AdapterLike {
	info?: AdapterInfoLike;
	/** Before GPUAdapterInfo carried it (Chromium < 136). */
	isFallbackAdapter?: boolean;
}

interface GpuLike {
	requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}

export interface WebGpuAdapter {
	/** Vendor and architecture, e.g. "google swiftshader"; "unnamed adapter" when the browser hides both. */
	name: string;
	/** A software fallback (SwiftShader, WARP): it runs on the CPU and is slower than WASM. */
	software: boolean;
}

/** WebGPU answers within milliseconds; a driver that hangs must not hold up loading the model. */
const ADAPTER_TIMEOUT_MS = 5000;

/** The adapter WebGPU would use here, or why there is none. */
export async function probeWebGpu(gpu: unknown = (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu): Promise<{ adapter: WebGpuAdapter } | { unavailable: string }> {
	if (!gpu) return { unavailable: 'this app offers no WebGPU' };
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ADAPTER_TIMEOUT_MS)));
	try {
		const adapter = await Promise.race([(gpu as GpuLike).requestAdapter({ powerPreference: 'high-performance' }), timeout]);
		if (adapter === 'timeout') return { unavailable: `WebGPU gave no adapter within ${ADAPTER_TIMEOUT_MS / 1000} s` };
		if (!adapter) return { unavailable: 'WebGPU has no adapter here (no supported GPU, or the GPU is blocklisted)' };
		const info = adapter.info ?? {};
		const name = [info.vendor, info.architecture].filter((part) => part).join(' ') || 'unnamed adapter';
		return { adapter: { name, software: info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false } };
	} catch (error) {
		return { unavailable: `asking WebGPU for an adapter failed: ${error instanceof Error ? error.message : String(error)}` };
	} finally {
		clearTimeout(timer);
	}
}
