import { hideCodeBlocks, hideFrontmatter, hideMatches, lines, type Line, Mask } from './mask';

/** Inline and multi-line regions that are not prose; each regex is linear (no nested quantifiers). */
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** Obsidian comments; Excalidraw keeps its drawing data inside one. Unclosed runs to the end. */
const OBSIDIAN_COMMENT = /%%[\s\S]*?(?:%%|$)/g;
const SCRIPT_OR_STYLE = /<(script|style|svg)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const EMBED_WIKI = /!\[\[[^\]\n]*\]\]/g;
const EMBED_MD = /!\[[^\]\n]*\]\([^)\n]*\)/g;
const DATA_URI = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+(?:=[\w.+-]*)?)*,[A-Za-z0-9+/=%._~-]*/g;
const MD_LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
/** [[target#sub^block|alias]]: the alias, or the target, is what a reader sees. */
const WIKI_LINK = /\[\[([^\]\n|]*)(?:\|([^\]\n]*))?\]\]/g;
/** Link reference definitions (URLs); footnote definitions [^1]: are prose and stay. */
const REF_DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+.*$/gm;
const URL = /\b(?:https?|ftp|file|obsidian|mailto):[^\s<>()[\]]+/gi;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]{0,300}>/g;
const LONG_TOKEN = /\S{48,}/g;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
/** base64, hex and similar identifiers: long runs mixing letters and digits. */
const ID_LIKE = /[A-Za-z0-9+/_-]{24,}={0,2}/g;

/**
 * Hashes, base64 and UUIDs switch between letters and digits again and again; prose compounds
 * such as `2024-conference-schedule-items` switch once or twice and are kept.
 */
function looksLikeId(token: string): boolean {
	let switches = 0;
	let prev = 0;
	for (let i = 0; i < token.length; i++) {
		const c = token.charCodeAt(i);
		const kind = c >= 48 && c <= 57 ? 1 : (c | 32) >= 97 && (c | 32) <= 122 ? 2 : 0;
		if (kind !== 0 && prev !== 0 && kind !== prev) switches++;
		if (kind !== 0) prev = kind;
	}
	return switches >= 4;
}

/**
 * Masks everything in a note that is not prose: frontmatter, code, comments, embeds, data URIs,
 * URLs (link text stays), HTML tags and long non-prose tokens. Returns the visible text
 * (same length as the input, hidden parts turned into spaces) and its lines.
 */
export function hideNonProse(text: string): { visible: string; lines: Line[] } {
	const mask = new Mask(text);
	const all = lines(text);
	hideFrontmatter(mask, all);
	hideCodeBlocks(mask, all);
	let visible = mask.visible();
	// Comments may contain anything, so they go before the inline rules.
	hideMatches(mask, visible, HTML_COMMENT);
	hideMatches(mask, visible, OBSIDIAN_COMMENT);
	hideMatches(mask, visible, SCRIPT_OR_STYLE);
	visible = mask.visible();
	hideMatches(mask, visible, EMBED_WIKI);
	hideMatches(mask, visible, EMBED_MD);
	hideMatches(mask, visible, DATA_URI);
	visible = mask.visible();
	hideMatches(mask, visible, MD_LINK, (m) => [m.index + 1, m.index + 1 + m[1].length]);
	hideMatches(mask, visible, WIKI_LINK, (m) => {
		if (m[2] !== undefined) {
			const aliasStart = m.index + 2 + m[1].length + 1;
			return [aliasStart, aliasStart + m[2].length];
		}
		// Drop a block reference (^id); a #subpath stays and is split into words by cleanInline.
		const caret = m[1].indexOf('^');
		const target = caret >= 0 ? m[1].slice(0, caret) : m[1];
		return [m.index + 2, m.index + 2 + target.length];
	});
	hideMatches(mask, visible, REF_DEFINITION);
	visible = mask.visible();
	hideMatches(mask, visible, URL);
	hideMatches(mask, visible, HTML_TAG);
	visible = mask.visible();
	// Scripts written without spaces (CJK, Thai, …) form long runs that are prose, not tokens.
	hideMatches(mask, visible, LONG_TOKEN, (m) => (NO_SPACE_SCRIPT.test(m[0]) ? [m.index, m.index + m[0].length] : undefined));
	hideMatches(mask, visible, ID_LIKE, (m) => (looksLikeId(m[0]) ? undefined : [m.index, m.index + m[0].length]));
	return { visible: mask.visible(), lines: all };
}
