import type { BuildOptions } from 'esbuild';

export function pluginBuildOptions(options: { root: string; production: boolean }): BuildOptions & { outfile: string };
