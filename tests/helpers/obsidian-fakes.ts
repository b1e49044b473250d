/** Fakes of the plugin's ports (src/obsidian/runtime/ports.ts), for UI tests that do not need a real index. */
import type { IndexProgress, IndexReport } from '../../src/core/index/types';
import type { SearchResult } from '../../src/core/search/types';
import type { IndexPort, PluginIndexStatus, RelatedSource, Runtime, SearchAnswer } from '../../src/obsidian/runtime/ports';

export function report(partial: Partial<IndexReport> = {}): IndexReport {
	return { notes: 0, chunks: 0, embedded: 0, reused: 0, renamed: 0, removed: 0, failed: [], seconds: 0, ...partial };
}

export function result(path: string, partial: Partial<SearchResult> = {}): SearchResult {
	return { path, score: 0.7, band: 'strong', heading: '', snippet: `Snippet of ${path}`, start: 0, end: 10, ...partial };
}

export class FakeIndex implements IndexPort {
	calls: string[] = [];
	current: IndexProgress = { done: 0, total: 0, state: 'idle' };
	statusValue: PluginIndexStatus = {
		notes: 0,
		indexed: 0,
		passages: 0,
		failed: [],
		state: 'idle',
		pending: 0,
		progress: { done: 0, total: 0, state: 'idle' },
	};
	nextReport: IndexReport | Error = report();
	private listeners = new Set<(p: IndexProgress) => void>();

	setProgress(p: IndexProgress): void {
		this.current = p;
		for (const l of this.listeners) l(p);
	}
	get listenerCount(): number {
		return this.listeners.size;
	}
	progress(): IndexProgress {
		return this.current;
	}
	onProgress(listener: (p: IndexProgress) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	status(): Promise<PluginIndexStatus> {
		return Promise.resolve(this.statusValue);
	}
	pause(): void {
		this.calls.push('pause');
	}
	resume(): void {
		this.calls.push('resume');
	}
	cancel(): void {
		this.calls.push('cancel');
	}
	private finish(): Promise<IndexReport> {
		return this.nextReport instanceof Error ? Promise.reject(this.nextReport) : Promise.resolve(this.nextReport);
	}
	sync(): Promise<IndexReport> {
		this.calls.push('sync');
		return this.finish();
	}
	rebuild(): Promise<IndexReport> {
		this.calls.push('rebuild');
		return this.finish();
	}
	changed(path: string): void {
		this.calls.push(`changed ${path}`);
	}
	deleted(path: string): void {
		this.calls.push(`deleted ${path}`);
	}
	folderDeleted(path: string): void {
		this.calls.push(`folder deleted ${path}`);
	}
	renamed(from: string, to: string): void {
		this.calls.push(`renamed ${from} -> ${to}`);
	}
}

export class FakeSearch implements RelatedSource {
	threshold = 0.43;
	queries: string[] = [];
	relatedAsked: string[] = [];
	answer: (query: string) => SearchAnswer | Error = () => ({ results: [], reason: 'below-threshold' });
	relatedAnswer: (path: string) => SearchAnswer | Error = () => ({ results: [], reason: 'below-threshold' });
	private listeners = new Set<() => void>();

	search(query: string): Promise<SearchAnswer> {
		this.queries.push(query);
		const a = this.answer(query);
		return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
	}
	related(path: string): Promise<SearchAnswer> {
		this.relatedAsked.push(path);
		const a = this.relatedAnswer(path);
		return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
	}
	onIndexChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	emitIndexChange(): void {
		for (const l of this.listeners) l();
	}
	get listenerCount(): number {
		return this.listeners.size;
	}
}

export class FakeRuntime implements Runtime {
	index = new FakeIndex();
	search = new FakeSearch();
	settingsChanges = 0;
	disposed = false;
	problem: string | undefined;
	modelProblem(): string | undefined {
		return this.problem;
	}
	ready(): Promise<void> {
		return this.problem === undefined ? Promise.resolve() : Promise.reject(new Error(this.problem));
	}
	check: { line: string | undefined; blocking: boolean } = { line: undefined, blocking: false };
	usedAnyway = 0;
	modelCheck(): { line: string | undefined; blocking: boolean } {
		return this.check;
	}
	useModelAnyway(): Promise<IndexReport> {
		this.usedAnyway++;
		return this.index.sync();
	}
	settingsChanged(): void {
		this.settingsChanges++;
	}
	dispose(): Promise<void> {
		this.disposed = true;
		return Promise.resolve();
	}
}
