/**
 * Entry of the `note-search` binary (bundled to dist/cli.cjs). Sets the exit code rather than
 * calling process.exit, so pending output is flushed first.
 */
import path from 'node:path';
import { processIo } from './io';
import { nodeContext } from './node-context';
import { run } from './run';

// dist/cli.cjs sits one level below the checkout root.
const repoRoot = path.resolve(__dirname, '..');

void run(process.argv.slice(2), nodeContext(processIo(), repoRoot)).then((code) => {
	process.exitCode = code;
});
