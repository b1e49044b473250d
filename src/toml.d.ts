// Text imports of .toml files (esbuild `loader: { '.toml': 'text' }`, and the same in vitest.config.ts).
declare module '*.toml' {
	const text: string;
	export default text;
}
