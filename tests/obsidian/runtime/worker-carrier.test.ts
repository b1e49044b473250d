import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { encodeForComment, inlineWorker } from '../../../scripts/worker-build.mjs';
import { workerScriptChunks } from '../../../src/obsidian/runtime/worker-carrier';

/** The whole script, as the plugin's Blob receives it chunk by chunk. */
const workerScriptFrom = (carrierSource: string): string => [...workerScriptChunks(carrierSource)].join('');

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** Text that a naive comment encoding would break or confuse. */
const tricky = 'a="*/";b=/%2A/g;c="%25";d=`*%2A/`;/*! inner */e=1;// */\n"%";f=`\n  x\r\n\ty\n`';

describe('the worker script carried in a comment of main.js', () => {
	it('comes back exactly, whatever comment closers or escape-like text it contains', () => {
		for (const text of [tricky, '', '%', '*/', '%2A/', '%252A/', '**//', '%0A\n', '%250D\r']) {
			expect(workerScriptFrom(`function carrier() {/*!${encodeForComment(text)}*/}`)).toBe(text);
		}
	});

	it('comes back exactly in chunks of any size, no escape cut in two', () => {
		const carried = `function carrier() {/*!${encodeForComment(tricky)}*/}`;
		for (const size of [1, 2, 3, 4, 5, 7, 64]) {
			const chunks = [...workerScriptChunks(carried, size)];
			expect(chunks.join(''), `chunks of ${size}`).toBe(tricky);
			expect(chunks.length, `chunks of ${size}`).toBeGreaterThan(size < tricky.length ? 1 : 0);
		}
	});

	it.each([['minified', true], ['readable (npm run dev)', false]])('survives a %s bundle built with the inline-worker plugin', async (_, minify) => {
		const result = await esbuild.build({
			stdin: {
				contents: `import carrier from 'virtual:embedding-worker'; import { workerScriptChunks } from './src/obsidian/runtime/worker-carrier'; globalThis.out = [...workerScriptChunks(String(carrier))].join('');`,
				resolveDir: root,
				loader: 'ts',
			},
			bundle: true,
			minify,
			format: 'iife',
			write: false,
			logLevel: 'silent',
			plugins: [inlineWorker(() => Promise.resolve(tricky))],
		});
		const context: { out?: string } = {};
		runInNewContext(result.outputFiles[0].text, { globalThis: context });
		expect(context.out).toBe(tricky);
	});

	it('says so clearly when the build dropped the comment', () => {
		expect(() => workerScriptFrom('function carrier() {}')).toThrow(/embedding worker is missing from main.js/);
	});
});
