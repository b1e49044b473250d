import { checkModel, describeModelCheck, type ModelCheck } from '../../core/fixtures/model-check';
import type { Dtype, Embedder } from '../../core/embedding/types';
import { referenceCases } from './reference-cases';

/** What is remembered per model files (the model key names the weights' sha256 and the dtype). */
export interface ModelCheckRecord {
	check: ModelCheck;
	/** The user chose to index with this model although it failed the check. */
	usedAnyway: boolean;
}

/** Where records are kept: the vault's local storage in the plugin, a map in tests. */
export interface ModelCheckMemory {
	get(modelKey: string): ModelCheckRecord | undefined;
	set(modelKey: string, record: ModelCheckRecord): void;
}

/** A model that failed its check: indexing waits until the user chooses to continue anyway. */
export class ModelCheckFailedError extends Error {
	override readonly name = 'ModelCheckFailedError';
	readonly userMessage: string;
	constructor(readonly check: ModelCheck) {
		super(describeModelCheck(check));
		this.userMessage = `${describeModelCheck(check)}. Indexing waits: choose "Use this model anyway" in Show index status to index with it.`;
	}
}

/** WASM checks keep the model key alone, as before devices existed, so they stay remembered. */
function memoryKey(embedder: Embedder, device: string | undefined): string {
	return device === undefined ? embedder.modelKey : `${embedder.modelKey}|${device}`;
}

/**
 * The plugin checks its own model: the first time a model is loaded, and whenever its files change,
 * the published pairs are embedded (in the worker, where the embedder runs) and compared with
 * Python's values. A failed check stops the session from opening unless the user accepted it.
 */
export class ModelCheckGate {
	private current: { key: string; record: ModelCheckRecord } | undefined;

	constructor(private readonly memory: ModelCheckMemory) {}

	/**
	 * Checks the model that will index. `device` names where it runs when that is not WASM (e.g.
	 * "webgpu:nvidia ampere"): a check is remembered per model files and device, since another
	 * device computes other numbers.
	 */
	async verify(embedder: Embedder, dtype: Dtype, device?: string): Promise<void> {
		const key = memoryKey(embedder, device);
		const record = await this.measure(embedder, dtype, device);
		this.current = { key, record };
		if (!record.check.ok && !record.usedAnyway) throw new ModelCheckFailedError(record.check);
	}

	/** The check of `embedder` on `device`, remembered or run now; it does not decide anything. */
	async measure(embedder: Embedder, dtype: Dtype, device?: string): Promise<ModelCheckRecord> {
		const key = memoryKey(embedder, device);
		let record = this.memory.get(key);
		if (!record) {
			record = { check: await checkModel(embedder, referenceCases(), dtype), usedAnyway: false };
			this.memory.set(key, record);
		}
		return record;
	}

	/** "Model check: 12 of 12 pairs match Python within 0.001 (fp32)", once a model was checked. */
	line(): string | undefined {
		if (!this.current) return undefined;
		const { check, usedAnyway } = this.current.record;
		return `${describeModelCheck(check)}${!check.ok && usedAnyway ? ' (used anyway, as you chose)' : ''}`;
	}

	/** True when the last checked model failed and the user has not accepted it. */
	blocking(): boolean {
		return this.current !== undefined && !this.current.record.check.ok && !this.current.record.usedAnyway;
	}

	/** Remembers, for these model files, that the user wants to index with them anyway. */
	useAnyway(): void {
		if (!this.current) return;
		this.current.record = { ...this.current.record, usedAnyway: true };
		this.memory.set(this.current.key, this.current.record);
	}
}
