import type { Clock } from '../../src/core/index/clock';
import type { NoteSource, VaultFile } from '../../src/core/index/types';
import { FakeEmbedder } from './fake-embedder';
import { mulberry32 } from './prng';

const encoder = new TextEncoder();

/** An in-memory vault with the edits tests need; mtimes advance on every write like a clock. */
export class MemoryNoteSource implements NoteSource {
	private readonly files = new Map<string, { text: string; mtime: number }>();
	private tick = 1_700_000_000_000;
	readonly unreadable = new Set<string>();
	reads = 0;

	constructor(notes: Record<string, string> = {}) {
		for (const [path, text] of Object.entries(notes)) this.write(path, text);
	}

	write(path: string, text: string): VaultFile {
		this.files.set(path, { text, mtime: (this.tick += 1000) });
		return this.file(path);
	}
	/** New mtime, same content: what a sync tool does. */
	touch(path: string): VaultFile {
		const f = this.must(path);
		f.mtime = this.tick += 1000;
		return this.file(path);
	}
	rename(from: string, to: string): VaultFile {
		const f = this.must(from);
		this.files.delete(from);
		this.files.set(to, f);
		return this.file(to);
	}
	delete(path: string): void {
		this.files.delete(path);
	}
	file(path: string): VaultFile {
		const f = this.must(path);
		return { path, mtime: f.mtime, size: encoder.encode(f.text).length };
	}
	paths(): string[] {
		return [...this.files.keys()].sort();
	}
	list(): Promise<VaultFile[]> {
		return Promise.resolve(this.paths().map((p) => this.file(p)));
	}
	read(path: string): Promise<string> {
		this.reads++;
		const f = this.files.get(path);
		if (!f) return Promise.reject(new Error(`ENOENT: ${path}`));
		if (this.unreadable.has(path)) return Promise.reject(new Error(`EACCES: ${path}`));
		return Promise.resolve(f.text);
	}
	private must(path: string): { text: string; mtime: number } {
		const f = this.files.get(path);
		if (!f) throw new Error(`no such note: ${path}`);
		return f;
	}
}

/** Timers that fire only when the test advances time. */
export class ManualClock implements Clock {
	private time = 0;
	private nextId = 1;
	private readonly timers = new Map<number, { at: number; fn: () => void }>();
	now(): number {
		return this.time;
	}
	setTimeout(fn: () => void, ms: number): unknown {
		const id = this.nextId++;
		this.timers.set(id, { at: this.time + ms, fn });
		return id;
	}
	clearTimeout(handle: unknown): void {
		this.timers.delete(handle as number);
	}
	advance(ms: number): void {
		this.time += ms;
		for (const [id, t] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
			if (t.at <= this.time) {
				this.timers.delete(id);
				t.fn();
			}
		}
	}
	get pending(): number {
		return this.timers.size;
	}
}

/** FakeEmbedder that can be made to fail: for texts matching `poison`, or for every call after `failAfterCalls`. */
export class FlakyEmbedder extends FakeEmbedder {
	poison: RegExp | undefined;
	failAfterCalls = Infinity;
	override embed(texts: readonly string[]): Promise<Float32Array[]> {
		if (this.calls >= this.failAfterCalls) {
			this.calls++;
			return Promise.reject(new Error('embedder crashed'));
		}
		if (this.poison && texts.some((t) => this.poison?.test(t))) {
			this.calls++;
			return Promise.reject(new Error('poisoned passage'));
		}
		return super.embed(texts);
	}
}

const WORDS = (
	'garden compost tomato seed river boat harbour sail engine piston torque bread yeast flour oven ' +
	'violin sonata tempo chord galaxy orbit telescope comet ledger invoice budget audit python compiler ' +
	'kernel thread mountain glacier summit trail recipe basil lemon olive history empire treaty battle'
).split(' ');

/** A synthetic vault of `count` notes in a few folders, 1–8 sections of varied length each. */
export function syntheticVault(count: number, seed = 1): Record<string, string> {
	const rnd = mulberry32(seed);
	const pick = (): string => WORDS[Math.floor(rnd() * WORDS.length)];
	const sentence = (): string => {
		const n = 5 + Math.floor(rnd() * 15);
		const w = Array.from({ length: n }, pick);
		w[0] = w[0][0].toUpperCase() + w[0].slice(1);
		return `${w.join(' ')}.`;
	};
	const notes: Record<string, string> = {};
	for (let i = 0; i < count; i++) {
		const folder = ['Projects', 'Journal', 'Reference/Science', 'Recipes'][i % 4];
		const sections = 1 + Math.floor(rnd() * 8);
		const parts: string[] = [];
		if (i % 5 === 0) parts.push(`---\ntags: [t${i % 7}]\n---`);
		for (let s = 0; s < sections; s++) {
			parts.push(`## ${pick()} ${pick()}`);
			const paras = 1 + Math.floor(rnd() * 3);
			for (let p = 0; p < paras; p++) parts.push(Array.from({ length: 1 + Math.floor(rnd() * 6) }, sentence).join(' '));
		}
		notes[`${folder}/Note ${i}.md`] = parts.join('\n\n');
	}
	return notes;
}
