// Types of scripts/reference-setup.mjs for the TypeScript that imports it (the test global setup).
export declare const repoRoot: string;
export declare const referenceVenv: string;
export declare const realModelDir: string;
export declare const faultyTanhModelDir: string;
export declare const venvPython: string;
export declare function findPython(): string | undefined;
export declare function ensureRealModel(options?: {
	log?: (line: string) => void;
}): { skipped: string } | { skipped?: undefined; dir: string; faultyTanhDir: string; python: string };
