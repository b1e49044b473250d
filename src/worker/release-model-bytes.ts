import { ownsWholeBuffer } from '../core/embedding/whole-buffer';

/**
 * Frees the model files a worker was sent, once the session holds its own copy in ORT's heap.
 * Forgetting them is not enough: an idle worker runs no major garbage collection, and the weights
 * stayed alive beside the session for half a minute, the time the first index needs most memory.
 * Nor is detaching them in JavaScript (`transfer(0)`): a buffer that arrived in a message is also
 * held by the browser's copy of that message until a collection. Transferring them into a port
 * whose other end is closed makes the browser let go of them at once. The worker received the
 * bytes by transfer (or as its own copy), so no one else reads them.
 */
export function releaseModelBytes(files: Readonly<Record<string, Uint8Array>>): void {
	// Empty or already detached: nothing to free. A view into a larger buffer is not ours alone.
	const buffers = new Set(Object.values(files).filter((view) => view.byteLength > 0 && ownsWholeBuffer(view)).map((view) => view.buffer));
	if (buffers.size === 0) return;
	const { port1, port2 } = new MessageChannel();
	port2.close();
	port1.postMessage(null, [...buffers]);
	port1.close();
}
