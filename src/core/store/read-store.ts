import type { RebuildNotice } from '../index/types';
import type { NoteRecord, StoreMeta, VectorStore } from './types';

/** A store read for one model: its records, or why they were dropped. */
export interface StoreContents {
	records: NoteRecord[];
	/** Set when the store held vectors of another model, chunking or schema and was cleared. */
	rebuild?: RebuildNotice;
}

/**
 * The one place a store is checked against the model and read: when its meta (schema version and
 * model key) matches `want`, every record is read once; otherwise the store is cleared and stamped
 * with `want`, since vectors of another model or chunking are useless for this one.
 */
export async function readStore(store: VectorStore, want: StoreMeta): Promise<StoreContents> {
	const have = await store.getMeta();
	if (have && have.schemaVersion === want.schemaVersion && have.modelKey === want.modelKey) return { records: await store.all() };
	// No meta: a store written before meta existed still counts as another model's.
	const stale = have !== undefined || (await store.all()).length > 0;
	let rebuild: RebuildNotice | undefined;
	if (stale) {
		await store.clear();
		const reason: RebuildNotice['reason'] = !have ? 'no-metadata' : have.schemaVersion !== want.schemaVersion ? 'schema-changed' : 'model-changed';
		rebuild = { reason, previous: have, current: want };
	}
	await store.setMeta(want);
	return { records: [], rebuild };
}
