// esbuild options shared by the scripts that run the TypeScript sources in Node: one ESM file,
// with runtime packages (transformers.js, ORT…) loaded from node_modules as usual.
export function nodeBundle(entry, outfile) {
	return { entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };
}
