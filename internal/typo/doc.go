// Package typo applies and checks French typography (Imprimerie nationale,
// Lexique des règles typographiques en usage à l'Imprimerie nationale) on
// generated text and on any article.
//
// It takes a string — a sentence, a heading, a paragraph (Fix, Check) or a
// whole Markdown document (FixMarkdown, CheckMarkdown) — and a Style, and
// gives the same text with French typography: « guillemets » with no-break
// spaces, a no-break space before : ; ! ?, the apostrophe ’, numbers grouped
// by three with a narrow no-break space, a no-break space between a number
// and its unit, the ellipsis …, the incise dash –, ordinals such as 2e and
// 1re, and single spaces. Check reports, with byte offsets, exactly what Fix
// would change; Fix is idempotent.
//
// It never changes a letter or a digit (ordinal suffixes aside, and only when
// Style.Ordinals is set), never adds or removes a line break, and never
// touches URLs, e-mail addresses, code spans, HTML tags and entities,
// template tags, Markdown link destinations, fenced or indented code, raw
// HTML blocks, or front matter other than a few textual values (title,
// description…). It does not judge wording or spelling, and reads no file or
// network.
//
// The engine tokenises the text once into words, numbers, punctuation and
// protected spans, decides the output of every token (quotes, apostrophes,
// ellipses, dashes, ordinals, number grouping) and then of every gap between
// two tokens (the whitespace run, possibly empty) from the decided
// neighbours. Fix and Check are two renderings of the same decisions, so
// they cannot disagree.
package typo
