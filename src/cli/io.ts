/** What a command may touch of its process, injected so tests run commands in-process. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** All of standard input as text (only read by commands given --stdin). */
	readStdin(): Promise<string>;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
	return {
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
		readStdin: async () => {
			const chunks: Buffer[] = [];
			for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
			return Buffer.concat(chunks).toString('utf8');
		},
		env: process.env,
		cwd: process.cwd(),
	};
}

/** Captures output in memory; stdin is the given text. For tests and embedding the CLI. */
export function memoryIo(options: { stdin?: string; env?: Record<string, string | undefined>; cwd?: string } = {}): CliIo & {
	readonly out: string[];
	readonly err: string[];
} {
	const out: string[] = [];
	const err: string[] = [];
	return {
		out,
		err,
		stdout: (text) => out.push(text),
		stderr: (text) => err.push(text),
		readStdin: () => Promise.resolve(options.stdin ?? ''),
		env: options.env ?? {},
		cwd: options.cwd ?? process.cwd(),
	};
}
