/**
 * Texts for the parity tests: 1 to >300 word pieces, covering what notes contain — punctuation,
 * accents, CJK, emoji, markdown, code — and one text longer than the 256-piece limit.
 */
const longParagraph = Array.from(
	{ length: 24 },
	(_, i) => `Section ${i + 1}: the indexer re-embeds only notes whose content hash changed, keeping renamed files' vectors.`,
).join(' ');

export const PARITY_TEXTS: readonly string[] = [
	'hello',
	'Why?',
	'The weather is lovely today.',
	"It's so sunny outside!",
	'He drove to the stadium.',
	'Crème brûlée, naïve café, Ærøskøbing and façade — accents everywhere.',
	'東京は日本の首都です。北京是中国的首都。',
	'Emoji test 🚀🔥 with 👍🏽 and 🇫🇷 flags.',
	'# Heading\n\n- [ ] task one\n- [x] **done** task with [[Wiki Link]] and `inline code`',
	'```ts\nfunction add(a: number, b: number): number {\n\treturn a + b;\n}\n```',
	'?!?!... ;;; ::: ((( ))) [[[ ]]] {{{ }}} <<< >>> ### *** ___',
	'A man is playing guitar',
	'The new movie is awesome',
	'Meeting notes 2024-03-15: discussed Q2 roadmap, budget ($12,500), and hiring (3 roles).',
	'Ölçüm sonuçları: ğüşıöç ĞÜŞİÖÇ — Turkish letters and ß, ø, å.',
	'Привет, как дела? Это тест на кириллице.',
	'> [!note] Callout\n> Obsidian callouts use blockquote syntax with a type.',
	'| col a | col b |\n|---|---|\n| 1 | 2 |\n| x | y |',
	'https://example.com/path?query=1&other=two#fragment and user@example.org',
	'supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis',
	Array.from({ length: 4 }, (_, i) => `Sentence number ${i} talks about semantic search in a vault.`).join(' '),
	// > 256 word pieces: truncation must keep [SEP] last.
	longParagraph,
];
