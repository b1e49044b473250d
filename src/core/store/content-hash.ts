/** Hex SHA-256 of the note text (WebCrypto: available in Obsidian, workers and Node ≥ 20). */
export async function contentHash(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	const bytes = new Uint8Array(digest);
	let hex = '';
	for (const b of bytes) hex += b.toString(16).padStart(2, '0');
	return hex;
}
