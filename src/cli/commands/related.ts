import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors';
import { vaultQueryCommand } from '../vault-query';

export const relatedCommand = vaultQueryCommand({
	use: 'related',
	name: 'related',
	summary: 'list the notes of a vault related to one of its notes (updates the index first)',
	usage: `Usage: note-search related VAULT_DIR NOTE_PATH [--limit K] [--threshold T] [--exclude GLOB]... [--json]

NOTE_PATH is the note's path inside the vault ("Projects/MCP.md"), or a path to the file.
Prints the related notes (never the note itself); with --json
{"threshold": T, "results": [{"path", "score", "band", "heading", "snippet"}]}.`,
	subjectName: 'NOTE_PATH',
	resolveSubject: vaultPath,
	answer: (session, notePath, options) => session.related(notePath, options),
});

/**
 * The note's vault path ('/'-separated, as the index names it). Accepts it as given, or a file
 * path (absolute or from the working directory) that lies inside the vault.
 */
export function vaultPath(vault: string, note: string, cwd: string): string {
	const asVaultPath = note.split(path.sep).join('/').replace(/^\.\//, '');
	if (!path.isAbsolute(note) && existsSync(path.join(vault, asVaultPath))) return asVaultPath;
	const file = path.resolve(cwd, note);
	const relative = path.relative(vault, file);
	if (relative && !relative.startsWith('..') && !path.isAbsolute(relative) && existsSync(file)) return relative.split(path.sep).join('/');
	throw new UsageError(`no note ${note} in the vault ${vault}`);
}
