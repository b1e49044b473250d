/**
 * Whether a view spans its whole ArrayBuffer. Only such a buffer may be handed on or released as
 * a whole: a view into a shared buffer (a Node Buffer from the pool, a slice) sits beside other data.
 */
export function ownsWholeBuffer(view: Uint8Array): view is Uint8Array<ArrayBuffer> {
	return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer;
}
