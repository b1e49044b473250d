import { describe, expect, it } from 'vitest';
import type { EmbeddingEngine } from '../../src/core/embedding/types';
import { createWorkerHandler } from '../../src/worker/handler';
import { inProcessPort } from '../../src/worker/port';
import type { InitOptions } from '../../src/worker/protocol';
import { WorkerClient } from '../../src/worker/worker-client';
import { FakeEmbedder } from '../helpers/fake-embedder';
import { SteppedEmbedder } from '../helpers/stepped-embedder';

/** Fresh each time: a handler takes the model bytes of an init and releases them once loaded. */
const init = (): InitOptions => ({ files: { 'config.json': new Uint8Array([1]) }, dtype: 'fp32' });
const NOTE = '# Tools\n\nThe weather was cold all week. Clients call the tools by name. Lunch came late again.';

async function started(engine: EmbeddingEngine) {
	const handle = createWorkerHandler({ createEngine: () => Promise.resolve(engine) });
	await handle({ id: 1, type: 'init', ...init() });
	return handle;
}

describe('the worker answer request', () => {
	it('answers with the passage sentence closest to the query vector, marked in its snippet', async () => {
		const engine = new FakeEmbedder({ dim: 64 });
		const handle = await started(engine);
		// The bag-of-words fake gives a sentence with exactly the query's words cosine 1.
		const query = engine.vector('Clients call the tools by name.');
		const r = await handle({ id: 2, type: 'answer', query, markdown: NOTE, start: 0, end: NOTE.length });
		expect(r).toEqual({
			id: 2,
			ok: true,
			type: 'answer',
			answer: {
				sentences: ['Clients call the tools by name.'],
				parts: [
					{ text: 'The weather was cold all week. ', answer: false },
					{ text: 'Clients call the tools by name.', answer: true },
					{ text: ' Lunch came late again.', answer: false },
				],
			},
		});
	});

	it('answers null for a passage without prose, and rejects a malformed request', async () => {
		const handle = await started(new FakeEmbedder({ dim: 8 }));
		const code = '```\nx = 1. y = 2.\n```';
		expect(await handle({ id: 2, type: 'answer', query: new Float32Array(8), markdown: code, start: 0, end: code.length })).toEqual({ id: 2, ok: true, type: 'answer', answer: null });
		expect(await handle({ id: 3, type: 'answer', query: [1, 2], markdown: NOTE, start: 0, end: 5 })).toMatchObject({ ok: false, error: { name: 'ProtocolError', message: /query/ } });
		expect(await handle({ id: 4, type: 'answer', query: new Float32Array(8), markdown: NOTE, start: 0.5, end: 5 })).toMatchObject({ ok: false, error: { name: 'ProtocolError' } });
	});

	it('lets a query typed meanwhile go before the answer\'s next model call', async () => {
		const engine = new SteppedEmbedder();
		const handle = await started(engine);
		// Twelve sentences of 11 fake word pieces: 13 padded tokens each, 4 per 64-token call.
		const long = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} talks about topic ${i} at some length.`).join(' ');
		const answer = handle({ id: 2, type: 'answer', query: engine.vector('topic'), markdown: long, start: 0, end: long.length });
		await engine.release();
		expect(await handle({ id: 3, type: 'embed', texts: ['search words'] })).toMatchObject({ ok: true, type: 'embed', count: 1 });
		await engine.release();
		await engine.release();
		expect(await answer).toMatchObject({ id: 2, ok: true, type: 'answer' });
		expect(engine.log).toEqual(['batch of 4', 'query search words', 'batch of 4', 'batch of 4']);
	});
});

describe('WorkerClient answers', () => {
	it('finds an answer through the port and gives undefined where there is none', async () => {
		const engines: FakeEmbedder[] = [];
		const handler = createWorkerHandler({
			createEngine: () => {
				engines.push(new FakeEmbedder({ dim: 64 }));
				return Promise.resolve(engines[0]);
			},
		});
		const client = await WorkerClient.start(inProcessPort(handler), init(), { transfer: false });
		const found = await client.answer(engines[0].vector('Lunch came late again.'), { markdown: NOTE, start: 0, end: NOTE.length });
		expect(found?.sentences).toEqual(['Lunch came late again.']);
		expect(await client.answer(new Float32Array(64), { markdown: '', start: 0, end: 0 })).toBeUndefined();
		await client.dispose();
	});
});
