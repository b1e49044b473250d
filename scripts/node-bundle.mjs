// esbuild options shared by the scripts that run the TypeScript sources in Node: one ESM file,
// with runtime packages (transformers.js, ORT…) loaded from node_modules as usual.
export function nodeBundle(entry, outfile) {
	// .toml as text, as the plugin build and vitest import the reference fixture.
	return { entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', loader: { '.toml': 'text' } };
}
