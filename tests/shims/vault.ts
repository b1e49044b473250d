/** Shim vault and metadata cache (see obsidian.ts). */
import { Events, TAbstractFile, TFile, TFolder, normalizePath } from './base';

function setPath(file: TAbstractFile, path: string): void {
	file.path = path;
	file.name = path.split('/').pop() ?? path;
	if (file instanceof TFile) {
		const dot = file.name.lastIndexOf('.');
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1) : '';
	}
}

// ---------------------------------------------------------------- vault

/** shim: the in-memory DataAdapter for files outside the vault index (plugin data, model cache). */
export class FakeAdapter {
	files = new Map<string, string | ArrayBuffer>();
	exists(path: string): Promise<boolean> { return Promise.resolve([...this.files.keys()].some((p) => p === path || p.startsWith(`${path}/`))); }
	read(path: string): Promise<string> {
		const v = this.files.get(path);
		return typeof v === 'string' ? Promise.resolve(v) : Promise.reject(new Error(`ENOENT: ${path}`));
	}
	write(path: string, data: string): Promise<void> {
		this.files.set(path, data);
		return Promise.resolve();
	}
	readBinary(path: string): Promise<ArrayBuffer> {
		const v = this.files.get(path);
		return v instanceof ArrayBuffer ? Promise.resolve(v) : Promise.reject(new Error(`ENOENT: ${path}`));
	}
	writeBinary(path: string, data: ArrayBuffer): Promise<void> {
		this.files.set(path, data);
		return Promise.resolve();
	}
	mkdir(): Promise<void> { return Promise.resolve(); }
	remove(path: string): Promise<void> {
		this.files.delete(path);
		return Promise.resolve();
	}
	rename(from: string, to: string): Promise<void> {
		const v = this.files.get(from);
		if (v === undefined) return Promise.reject(new Error(`ENOENT: ${from}`));
		if (this.files.has(to)) return Promise.reject(new Error(`EEXIST: ${to}`));
		this.files.delete(from);
		this.files.set(to, v);
		return Promise.resolve();
	}
}

export class Vault extends Events {
	configDir = '.obsidian';
	adapter = new FakeAdapter();
	private root = new TFolder();
	private byPath = new Map<string, TAbstractFile>();
	private contents = new Map<string, string>();
	/**
	 * shim: whether deleting a folder fires `delete` for each file inside it (then the folder) or
	 * for the folder only. Which one Obsidian does is not documented; the plugin must handle both.
	 */
	folderDeleteEvents: 'each' | 'folder-only' = 'each';
	/** shim: the clock used for mtimes; tests may move it. */
	now = 1_700_000_000_000;

	constructor(private metadata?: MetadataCache) {
		super();
		this.root.vault = this;
		setPath(this.root, '/');
		this.root.name = '';
		this.byPath.set('/', this.root);
	}
	getName(): string { return 'Test vault'; }
	getRoot(): TFolder { return this.root; }
	getAbstractFileByPath(path: string): TAbstractFile | null { return this.byPath.get(normalizePath(path)) ?? null; }
	getFileByPath(path: string): TFile | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFile ? f : null;
	}
	getFolderByPath(path: string): TFolder | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFolder ? f : null;
	}
	getFiles(): TFile[] { return [...this.byPath.values()].filter((f): f is TFile => f instanceof TFile); }
	getMarkdownFiles(): TFile[] { return this.getFiles().filter((f) => f.extension === 'md'); }
	getAllLoadedFiles(): TAbstractFile[] { return [...this.byPath.values()]; }

	private folderFor(path: string): TFolder {
		const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '/';
		const existing = this.byPath.get(dir);
		if (existing instanceof TFolder) return existing;
		const folder = new TFolder();
		folder.vault = this;
		setPath(folder, dir);
		folder.parent = this.folderFor(dir);
		folder.parent.children.push(folder);
		this.byPath.set(dir, folder);
		this.trigger('create', folder);
		return folder;
	}

	create(path: string, data: string): Promise<TFile> {
		path = normalizePath(path);
		if (this.byPath.has(path)) return Promise.reject(new Error('File already exists.'));
		const file = new TFile();
		file.vault = this;
		setPath(file, path);
		file.parent = this.folderFor(path);
		file.parent.children.push(file);
		file.stat = { ctime: this.now, mtime: this.now, size: data.length };
		this.byPath.set(path, file);
		this.contents.set(path, data);
		this.trigger('create', file);
		this.metadata?.parse(file, data);
		return Promise.resolve(file);
	}
	read(file: TFile): Promise<string> {
		const text = this.contents.get(file.path);
		return text === undefined ? Promise.reject(new Error(`ENOENT: ${file.path}`)) : Promise.resolve(text);
	}
	cachedRead(file: TFile): Promise<string> { return this.read(file); }
	modify(file: TFile, data: string): Promise<void> {
		if (!this.contents.has(file.path)) return Promise.reject(new Error(`ENOENT: ${file.path}`));
		this.now += 1000;
		this.contents.set(file.path, data);
		file.stat = { ...file.stat, mtime: this.now, size: data.length };
		this.trigger('modify', file);
		this.metadata?.parse(file, data);
		return Promise.resolve();
	}
	delete(file: TAbstractFile, quiet = false): Promise<void> {
		const childrenQuiet = quiet || this.folderDeleteEvents === 'folder-only';
		if (file instanceof TFolder) for (const child of [...file.children]) void this.delete(child, childrenQuiet);
		this.byPath.delete(file.path);
		this.contents.delete(file.path);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		if (quiet) return Promise.resolve();
		this.trigger('delete', file);
		if (file instanceof TFile) this.metadata?.trigger('deleted', file);
		return Promise.resolve();
	}
	trash(file: TAbstractFile): Promise<void> { return this.delete(file); }
	rename(file: TAbstractFile, newPath: string): Promise<void> {
		newPath = normalizePath(newPath);
		if (this.byPath.has(newPath)) return Promise.reject(new Error('Destination file already exists!'));
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		// Like Obsidian: a folder's descendants move with it, and each gets its own `rename` event
		// (with its old path) after the folder's, once every path is updated.
		const moved: [TAbstractFile, string][] = [];
		const move = (f: TAbstractFile, to: string) => {
			const from = f.path;
			const text = this.contents.get(from);
			this.byPath.delete(from);
			this.contents.delete(from);
			setPath(f, to);
			this.byPath.set(to, f);
			if (text !== undefined) this.contents.set(to, text);
			moved.push([f, from]);
			if (f instanceof TFolder) for (const child of f.children) move(child, `${to}/${child.name}`);
		};
		move(file, newPath);
		file.parent = this.folderFor(newPath);
		file.parent.children.push(file);
		// Obsidian re-keys the metadata cache on rename but fires no `changed`: content is the same.
		for (const [f, from] of moved) this.trigger('rename', f, from);
		return Promise.resolve();
	}
}

// ---------------------------------------------------------------- metadata

export interface HeadingCache {
	heading: string;
	level: number;
	position: { start: { line: number; col: number; offset: number }; end: { line: number; col: number; offset: number } };
}
export interface CachedMetadata {
	headings?: HeadingCache[];
	frontmatter?: Record<string, unknown>;
	/** Inline tags of the body ('#name'); frontmatter tags stay in `frontmatter.tags`, as in Obsidian. */
	tags?: { tag: string }[];
	/** Wikilinks of the body, unresolved (`[[Note#Heading|alias]]` gives link 'Note#Heading'). */
	links?: { link: string }[];
}

/** Like obsidian's getAllTags: frontmatter `tags` (list or comma/space separated) and inline tags, each '#name'. */
export function getAllTags(cache: CachedMetadata): string[] | null {
	const raw = cache.frontmatter?.tags;
	const listed = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(/[,\s]+/) : [];
	const all = [...listed.filter((t) => t !== '').map((t) => `#${t.replace(/^#/, '')}`), ...(cache.tags ?? []).map((t) => t.tag)];
	return all.length > 0 ? all : null;
}

export class MetadataCache extends Events {
	private cache = new Map<TFile, CachedMetadata>();
	getFileCache(file: TFile): CachedMetadata | null { return this.cache.get(file) ?? null; }
	/** As Obsidian's: source path → target path → link count, for links that resolve to a note. */
	get resolvedLinks(): Record<string, Record<string, number>> {
		const out: Record<string, Record<string, number>> = {};
		for (const [file, data] of this.cache) {
			const targets: Record<string, number> = {};
			for (const { link } of data.links ?? []) {
				const dest = this.getFirstLinkpathDest(link.split('#')[0]);
				if (dest) targets[dest.path] = (targets[dest.path] ?? 0) + 1;
			}
			out[file.path] = targets;
		}
		return out;
	}
	getFirstLinkpathDest(linkpath: string): TFile | null {
		const files = [...this.cache.keys()];
		return files.find((f) => f.path === linkpath || f.path === `${linkpath}.md` || f.basename === linkpath) ?? null;
	}
	fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
		const unique = [...this.cache.keys()].filter((f) => f.basename === file.basename).length <= 1;
		const text = unique ? file.name : file.path;
		return omitMdExtension && file.extension === 'md' ? text.slice(0, -3) : text;
	}
	/** shim: Obsidian parses asynchronously after the write, then fires `changed`. */
	parse(file: TFile, text: string): void {
		const headings: HeadingCache[] = [];
		const frontmatter: Record<string, unknown> = {};
		let offset = 0;
		text.split('\n').forEach((line, i) => {
			const m = /^(#{1,6})\s+(.*)$/.exec(line);
			if (m) {
				const pos = (col: number) => ({ line: i, col, offset: offset + col });
				headings.push({ heading: m[2].trim(), level: m[1].length, position: { start: pos(0), end: pos(line.length) } });
			}
			offset += line.length + 1;
		});
		const fm = /^---\n([\s\S]*?)\n---/.exec(text);
		for (const line of fm?.[1].split('\n') ?? []) {
			const kv = /^(\w[\w-]*):\s*(.*)$/.exec(line);
			if (kv) frontmatter[kv[1]] = kv[2];
		}
		const body = fm ? text.slice(fm[0].length) : text;
		const tags = [...body.matchAll(/(?:^|\s)(#[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu)].map((m) => ({ tag: m[1] }));
		const links = [...body.matchAll(/\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g)].map((m) => ({ link: m[1].trim() }));
		const data: CachedMetadata = {
			headings: headings.length ? headings : undefined,
			frontmatter: fm ? frontmatter : undefined,
			tags: tags.length ? tags : undefined,
			links: links.length ? links : undefined,
		};
		this.cache.set(file, data);
		queueMicrotask(() => {
			if (file.vault.getFileByPath(file.path) === file) this.trigger('changed', file, text, data);
		});
	}
}
