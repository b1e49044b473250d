import type { Exclusions } from './types';

/**
 * Default exclusions: Obsidian's config folder and Excalidraw drawings.
 * `configDir` is `app.vault.configDir` in the plugin (usually `.obsidian`).
 */
export function defaultExclusionPatterns(configDir = '.obsidian'): string[] {
	return [`${configDir}/`, '*.excalidraw.md'];
}

function escape(s: string): string {
	return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** `**` crosses folders, `*` and `?` stay within one path segment. */
function globSource(glob: string): string {
	let out = '';
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i];
		if (c === '*' && glob[i + 1] === '*') {
			// `**/` also matches zero folders.
			if (glob[i + 2] === '/') {
				out += '(?:.*/)?';
				i += 2;
			} else {
				out += '.*';
				i += 1;
			}
		} else if (c === '*') out += '[^/]*';
		else if (c === '?') out += '[^/]';
		else out += escape(c);
	}
	return out;
}

/**
 * Compiles exclusion patterns (vault-relative, '/' separators, case-sensitive like the vault):
 * - `Folder/` or `Folder`: that folder and everything under it (or a note with that exact path);
 * - a glob without '/', e.g. `*.excalidraw.md`: matched against the file name at any depth
 *   (with a trailing '/', against folder names at any depth);
 * - a glob with '/', e.g. `Daily/**\/2023-*.md`: matched against the whole path;
 * - any of these after `!`, e.g. `!Projects/`: a part of the vault to keep. With at least one
 *   such line, only notes it matches are indexed ("only index these folders"); the other lines
 *   still exclude within them.
 * Blank lines and `#` comments are ignored.
 */
export function createExclusions(patterns: readonly string[]): Exclusions {
	const kept = patterns.map((p) => p.trim().replace(/\\/g, '/')).filter((p) => p && !p.startsWith('#'));
	const clean = (p: string) => p.replace(/^\.\//, '').replace(/^\/+/, '');
	const excluded = compile(kept.filter((p) => !p.startsWith('!')).map(clean));
	const keep = compile(kept.filter((p) => p.startsWith('!')).map((p) => clean(p.slice(1).trim())));
	return {
		patterns: kept,
		isExcluded: (path: string) => {
			const p = path.replace(/\\/g, '/').replace(/^\/+/, '');
			return (keep.length > 0 && !keep.some((t) => t(p))) || excluded.some((t) => t(p));
		},
	};
}

function compile(patterns: readonly string[]): ((path: string) => boolean)[] {
	const tests: ((path: string) => boolean)[] = [];
	for (const p of patterns) {
		const folderOnly = p.endsWith('/');
		const body = p.replace(/\/+$/, '');
		if (!body) continue;
		const isGlob = /[*?]/.test(body);
		if (!isGlob) {
			tests.push(folderOnly ? (path) => path.startsWith(`${body}/`) : (path) => path === body || path.startsWith(`${body}/`));
		} else if (!body.includes('/')) {
			const re = new RegExp(`^${globSource(body)}$`);
			tests.push(
				folderOnly
					? (path) => path.split('/').slice(0, -1).some((seg) => re.test(seg))
					: (path) => re.test(path.slice(path.lastIndexOf('/') + 1)) || path.split('/').slice(0, -1).some((seg) => re.test(seg)),
			);
		} else {
			const re = new RegExp(`^${globSource(body)}${folderOnly ? '/' : '(?:$|/)'}`);
			tests.push((path) => re.test(path));
		}
	}
	return tests;
}
