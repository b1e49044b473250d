import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** What a route serves: bytes or text built in memory, or a folder on disk (e.g. the model). */
export type Route = { body: string | Uint8Array; type?: string } | { dir: string };

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.onnx': 'application/octet-stream',
	'.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
	origin: string;
	/** Every path requested, so the driver can show the page asked for nothing unexpected. */
	requests: string[];
	close(): Promise<void>;
}

/**
 * A tiny static server on 127.0.0.1 and a random port: the page must load everything (harness,
 * styles, model files) from localhost, never from the network. Routes ending in "/" are folders.
 */
export async function serve(routes: Record<string, Route>): Promise<StaticServer> {
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		requests.push(path);
		void respond(routes, path).then(
			(found) => {
				if (!found) {
					res.writeHead(404).end('not found');
					return;
				}
				// no-store: a reload must not be answered from the HTTP cache, so the second load
				// really exercises what the page persisted itself (IndexedDB).
				res.writeHead(200, { 'content-type': found.type, 'cache-control': 'no-store' }).end(found.body);
			},
			(err: unknown) => res.writeHead(500).end(String(err)),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

async function respond(routes: Record<string, Route>, path: string): Promise<{ body: string | Uint8Array; type: string } | undefined> {
	const exact = routes[path];
	if (exact && 'body' in exact) return { body: exact.body, type: exact.type ?? TYPES[extname(path)] ?? 'application/octet-stream' };
	for (const [prefix, route] of Object.entries(routes)) {
		if (!prefix.endsWith('/') || !path.startsWith(prefix) || !('dir' in route)) continue;
		const rel = normalize(path.slice(prefix.length));
		// Refuse anything that climbs out of the served folder.
		if (rel.startsWith('..') || rel.includes(`${sep}..`)) return undefined;
		try {
			return { body: await readFile(join(route.dir, rel)), type: TYPES[extname(rel)] ?? 'application/octet-stream' };
		} catch {
			return undefined;
		}
	}
	return undefined;
}
