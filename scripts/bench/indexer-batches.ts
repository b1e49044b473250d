/**
 * The model calls the plugin's indexer makes for a vault, found without running the model: the
 * real IndexSession (windows of notes; each chunked and planned by indexWindow, at most
 * INDEX_CALL_TOKENS padded tokens a call) in this process, with the real tokenizer and a stand-in
 * that records each call's rows. Windows and batches depend only on the notes and the tokenizer,
 * so the workers in the browser run these calls, whatever the number of workers, and the native
 * part replays them.
 */
import { createTokenizer } from '../../src/core/embedding/load-tokenizer';
import { localWindows } from '../../src/core/index/window-port';
import { openSession } from '../../src/core/session/index-session';
import { MemoryVectorStore } from '../../src/core/store/memory-store';
import { nodeModelFiles } from '../../src/node/node-engine';
import { memoryVault } from './memory-vault';

const DIM = 384;

/** Each model call's rows as model input ids ([CLS] … [SEP]), in the order the indexer made them. */
export async function indexerBatches(notes: readonly { path: string; markdown: string }[], modelDir: string): Promise<number[][][]> {
	const tokenizer = await createTokenizer(nodeModelFiles(modelDir));
	const calls: number[][][] = [];
	const unit = (): Float32Array => Float32Array.from({ length: DIM }, (_, i) => (i === 0 ? 1 : 0));
	const recorder = {
		tokenizer,
		dim: DIM,
		embedWordPieces: (rows: readonly (readonly number[])[]) => {
			calls.push(rows.map((r) => tokenizer.wrap(r)));
			return Promise.resolve(rows.map(unit));
		},
	};
	const embedder = { modelKey: 'bench/recorder', dim: DIM, embed: () => Promise.reject(new Error('the recorder only indexes')), dispose: () => Promise.resolve() };
	const session = await openSession({ engine: { embedder, windows: localWindows(recorder), answer: () => Promise.reject(new Error('the recorder only indexes')), dispose: () => Promise.resolve() }, store: new MemoryVectorStore(), source: memoryVault(notes) });
	const report = await session.sync();
	await session.dispose();
	if (report.failed.length > 0) throw new Error(`${report.failed.length} notes failed to chunk: ${report.failed[0].reason}`);
	return calls;
}
