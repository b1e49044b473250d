// Types of scripts/worker-build.mjs for the TypeScript that imports it (scripts/browser/build.ts, tests).
import type { Plugin } from 'esbuild';

export declare function gzipBase64(bytes: Uint8Array): string;
export declare function encodeForComment(text: string): string;
export declare function buildWorkerSource(options: { root: string; minify: boolean }): Promise<string>;
/** `workerSource` is called each time the bundle loads `virtual:embedding-worker`. */
export declare function inlineWorker(workerSource: () => string | Promise<string>): Plugin;
