/**
 * Real-weights tier: the plugin's own model check (the reference pairs bundled into main.js)
 * passes on the real all-MiniLM-L6-v2, in fp32 and q8, with the line the status and settings show.
 */
import { describe, expect, it } from 'vitest';
import type { Dtype } from '../../../src/core/embedding/types';
import { ModelCheckGate, type ModelCheckRecord } from '../../../src/obsidian/runtime/model-check';
import { createNodeEngine, nodeModelFiles } from '../../../src/node/node-engine';
import { realModel } from '../../helpers/real-model';
import { SLOW_TIMEOUT } from '../../helpers/reference-cache';

const model = realModel('the plugin model check');

describe.skipIf(!model.available)('the plugin model check on the real model', () => {
	const { dir } = model as Extract<typeof model, { available: true }>;

	it.each([
		['fp32', 'Model check: 12 of 12 pairs match Python within 0.001 (fp32)'],
		['q8', 'Model check: 12 of 12 pairs match Python within 0.04 (q8)'],
	] as [Dtype, string][])('passes in %s', async (dtype, line) => {
		const engine = await createNodeEngine({ files: nodeModelFiles(dir), dtype });
		try {
			const records = new Map<string, ModelCheckRecord>();
			const gate = new ModelCheckGate({ get: (k) => records.get(k), set: (k, r) => void records.set(k, r) });
			await gate.verify(engine, dtype);
			expect(gate.line()).toBe(line);
			expect(gate.blocking()).toBe(false);
		} finally {
			await engine.dispose();
		}
	}, SLOW_TIMEOUT);
});
