/** Markdown syntax that carries no meaning for the embedder; removing it saves word pieces. */
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[^\]\n]\][ \t]+)?/gm;
const QUOTE_MARKER = /^[ \t]*(?:>[ \t]?)+/gm;
const CALLOUT = /\[![\w-]+\][+-]?/g;
const EMPHASIS = /\*\*|__|~~|==/g;
const EDGE_MARK = /(?<![\p{L}\p{N}])[*_]+|[*_]+(?![\p{L}\p{N}])/gu;
/** Footnote references [^1] and block ids ^abc-123 are anchors, not words. */
const FOOTNOTE_REF = /\[\^[^\]\s]+\]:?/g;
const BLOCK_ID = /(^|\s)\^[A-Za-z0-9-]+(?=\s|$)/g;
const TAG_OR_SUBPATH = /#(?=[\p{L}\p{N}])/gu;
const SPACES = /\s+/g;

/** Plain text of a visible markdown fragment: syntax removed, whitespace collapsed. */
export function cleanInline(fragment: string): string {
	return fragment
		.replace(LIST_MARKER, '')
		.replace(QUOTE_MARKER, '')
		.replace(CALLOUT, '')
		.replace(FOOTNOTE_REF, '')
		.replace(BLOCK_ID, '$1')
		.replace(EMPHASIS, '')
		.replace(EDGE_MARK, '')
		.replace(TAG_OR_SUBPATH, ' ')
		.replace(/[`|<>]/g, ' ')
		.replace(SPACES, ' ')
		.trim();
}
