// Node-only: the `note-search` CLI keeps its index in a folder. The plugin bundle never imports this.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeMeta, decodeRecord } from '../core/store/record-codec';
import type { NoteRecord, StoreMeta, VectorStore } from '../core/store/types';

/** File signature, then a little-endian u32 header length, the JSON header, padding, float32 data. */
const MAGIC = 'NSR1';
const READ_CONCURRENCY = 16;

/**
 * VectorStore in a folder outside the vault: `meta.json` plus one binary file per note named by
 * the SHA-1 of its path. Every file is written to a temp name and renamed into place, so a crash
 * leaves either the old or the new version of each record.
 */
export class DiskVectorStore implements VectorStore {
	private readonly notesDir: string;

	constructor(readonly dir: string) {
		this.notesDir = join(dir, 'notes');
	}

	async getMeta(): Promise<StoreMeta | undefined> {
		try {
			return decodeMeta(JSON.parse(await readFile(join(this.dir, 'meta.json'), 'utf8')));
		} catch {
			return undefined;
		}
	}

	async setMeta(meta: StoreMeta): Promise<void> {
		await mkdir(this.dir, { recursive: true });
		await atomicWrite(join(this.dir, 'meta.json'), JSON.stringify({ schemaVersion: meta.schemaVersion, modelKey: meta.modelKey }));
	}

	async get(path: string): Promise<NoteRecord | undefined> {
		const file = this.fileOf(path);
		let bytes: Buffer;
		try {
			bytes = await readFile(file);
		} catch {
			return undefined;
		}
		const record = decode(bytes);
		if (!record || record.path !== path) {
			await rm(file, { force: true });
			return undefined;
		}
		return record;
	}

	async all(): Promise<NoteRecord[]> {
		let names: string[];
		try {
			names = await readdir(this.notesDir);
		} catch {
			return [];
		}
		const out: NoteRecord[] = [];
		const readOne = async (name: string): Promise<void> => {
			const file = join(this.notesDir, name);
			if (!name.endsWith('.rec')) {
				// Leftover temp file of an interrupted write.
				await rm(file, { force: true });
				return;
			}
			let record: NoteRecord | undefined;
			try {
				record = decode(await readFile(file));
			} catch {
				record = undefined;
			}
			if (record && this.fileOf(record.path) === file) out.push(record);
			else await rm(file, { force: true });
		};
		// A few reads in flight hide file-system latency on large vaults without flooding it.
		for (let i = 0; i < names.length; i += READ_CONCURRENCY) await Promise.all(names.slice(i, i + READ_CONCURRENCY).map(readOne));
		return out;
	}

	async putMany(records: readonly NoteRecord[]): Promise<void> {
		if (records.length === 0) return;
		await mkdir(this.notesDir, { recursive: true });
		for (const r of records) await atomicWrite(this.fileOf(r.path), encode(r));
	}

	async delete(paths: readonly string[]): Promise<void> {
		for (const p of paths) await rm(this.fileOf(p), { force: true });
	}

	async rename(from: string, to: string): Promise<void> {
		if (from === to) return;
		const record = await this.get(from);
		if (!record) return;
		await this.putMany([{ ...record, path: to }]);
		await rm(this.fileOf(from), { force: true });
	}

	async clear(): Promise<void> {
		await rm(this.notesDir, { recursive: true, force: true });
		await rm(join(this.dir, 'meta.json'), { force: true });
	}

	close(): Promise<void> {
		return Promise.resolve();
	}

	private fileOf(path: string): string {
		return join(this.notesDir, `${createHash('sha1').update(path).digest('hex')}.rec`);
	}
}

async function atomicWrite(file: string, data: string | Uint8Array): Promise<void> {
	const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		await writeFile(tmp, data);
		await rename(tmp, file);
	} catch (err) {
		await unlink(tmp).catch(() => undefined);
		throw err;
	}
}

function encode(r: NoteRecord): Uint8Array {
	const header: Record<string, unknown> = { path: r.path, mtime: r.mtime, size: r.size, hash: r.hash, passages: r.passages };
	if (r.failure !== undefined) header.failure = r.failure;
	if (r.notice !== undefined) header.notice = r.notice;
	if (r.texts !== undefined) header.texts = r.texts;
	const json = Buffer.from(JSON.stringify(header), 'utf8');
	// Pad so the float data starts 4-byte aligned and can be viewed without copying.
	const headerEnd = 8 + json.length;
	const dataStart = Math.ceil(headerEnd / 4) * 4;
	const out = Buffer.alloc(dataStart + r.vectors.byteLength);
	out.write(MAGIC, 0, 'latin1');
	out.writeUInt32LE(json.length, 4);
	json.copy(out, 8);
	const floats = new Float32Array(out.buffer, out.byteOffset + dataStart, r.vectors.length);
	floats.set(r.vectors);
	return out;
}

function decode(bytes: Buffer): NoteRecord | undefined {
	if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) return undefined;
	const len = bytes.readUInt32LE(4);
	if (8 + len > bytes.length) return undefined;
	let header: unknown;
	try {
		header = JSON.parse(bytes.toString('utf8', 8, 8 + len));
	} catch {
		return undefined;
	}
	const dataStart = Math.ceil((8 + len) / 4) * 4;
	const byteLength = bytes.length - dataStart;
	if (byteLength < 0 || byteLength % 4 !== 0) return undefined;
	// Copy into a fresh buffer: Node may pool small Buffers at unaligned offsets.
	const vectors = new Float32Array(byteLength / 4);
	new Uint8Array(vectors.buffer).set(bytes.subarray(dataStart));
	if (typeof header !== 'object' || header === null) return undefined;
	return decodeRecord({ ...(header as Record<string, unknown>), vectors });
}
