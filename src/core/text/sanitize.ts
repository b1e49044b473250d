/**
 * Makes arbitrary file text safe for the tokenizer WITHOUT changing its length, so every char
 * offset computed later still points into the original markdown.
 */

/** Share of unreadable characters above which a file is treated as binary, not a note. */
const BINARY_RATIO = 0.1;

/**
 * Control characters (except tab, LF, CR), DEL, U+FFFD (what a decoder leaves of invalid bytes),
 * non-characters and lone surrogates. No `u` flag: it must match single UTF-16 code units.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNREADABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces each unreadable code unit with one space, so offsets are preserved. */
export function sanitize(text: string): { text: string; unreadable: number } {
	let unreadable = 0;
	const clean = text.replace(UNREADABLE, () => {
		unreadable++;
		return ' ';
	});
	return { text: clean, unreadable };
}

/** True when so much of the text is unreadable that it is binary data, not a note. */
export function looksBinary(length: number, unreadable: number): boolean {
	return length > 0 && unreadable / length > BINARY_RATIO;
}
