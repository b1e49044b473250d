/**
 * The shape of src/ as an import graph: no cycles (a cycle means two files share one job, or a
 * type sits in the wrong file), and Node only where Node runs (src/node/, src/cli/). ESLint
 * guards single imports; this walks the whole graph, type-only and dynamic imports included.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
	});
}

function resolveImport(from: string, specifier: string): string | undefined {
	const base = path.resolve(path.dirname(from), specifier);
	// `.d.ts`: type-only modules such as api/semantic-note-search.d.ts.
	for (const candidate of [`${base}.ts`, `${base}.d.ts`, path.join(base, 'index.ts'), base]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			// not this one
		}
	}
	return undefined;
}

/** Every file's imports: relative ones resolved to files, the rest as written. */
function importGraph(): Map<string, { files: string[]; packages: string[] }> {
	const graph = new Map<string, { files: string[]; packages: string[] }>();
	for (const file of sourceFiles(src)) {
		const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
		const files: string[] = [];
		const packages: string[] = [];
		for (const { fileName } of importedFiles) {
			if (!fileName.startsWith('.')) packages.push(fileName);
			else {
				const target = resolveImport(file, fileName);
				if (target === undefined) throw new Error(`${path.relative(src, file)}: cannot resolve ${fileName}`);
				files.push(target);
			}
		}
		graph.set(file, { files, packages });
	}
	return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, { files: string[] }>): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (v: string): void => {
		index.set(v, counter);
		low.set(v, counter++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v)?.files ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
		}
		if (low.get(v) !== index.get(v)) return;
		const component: string[] = [];
		let w: string | undefined;
		do {
			w = stack.pop();
			if (w === undefined) break;
			onStack.delete(w);
			component.push(path.relative(src, w));
		} while (w !== v);
		if (component.length > 1 || (graph.get(v)?.files ?? []).includes(v)) found.push(component.sort());
	};
	for (const v of graph.keys()) if (!index.has(v)) visit(v);
	return found;
}

describe('import graph of src/', () => {
	const graph = importGraph();

	it('has no import cycles', () => {
		expect(cycles(graph)).toEqual([]);
	});

	it('finds a cycle when there is one (the check itself works)', () => {
		const a = path.join(src, 'a.ts');
		const b = path.join(src, 'b.ts');
		const c = path.join(src, 'c.ts');
		const toy = new Map([
			[a, { files: [b] }],
			[b, { files: [a, c] }],
			[c, { files: [] }],
		]);
		expect(cycles(toy)).toEqual([['a.ts', 'b.ts']]);
	});

	it('imports Node built-ins and src/node/ only from src/node/ and src/cli/', () => {
		const nodeDir = path.join(src, 'node') + path.sep;
		const cliDir = path.join(src, 'cli') + path.sep;
		const offenders: string[] = [];
		for (const [file, { files, packages }] of graph) {
			if (file.startsWith(nodeDir) || file.startsWith(cliDir)) continue;
			for (const p of packages) if (p.startsWith('node:')) offenders.push(`${path.relative(src, file)} → ${p}`);
			for (const f of files) if (f.startsWith(nodeDir)) offenders.push(`${path.relative(src, file)} → ${path.relative(src, f)}`);
		}
		expect(offenders).toEqual([]);
	});
});
