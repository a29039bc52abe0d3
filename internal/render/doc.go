// Package render prints a finished [article.Article] in plume's output
// formats, goldmark-style: one renderer per format over the same model.
//
// It takes an article and gives bytes: [Markdown] (YAML front matter the way
// Hugo and Jekyll read it, then a CommonMark + GFM body), [HTML] (a semantic,
// standalone HTML5 page or, with [HTMLOptions].Fragment, only its <article>
// element), [JSONLD] (schema.org NewsArticle and FAQPage) and [PlainText] (for
// counting and analysis).
//
// It never changes the article's words: text is escaped, never rewritten; a
// link whose URL is unsafe (javascript:, data:…) or whose text cannot be found
// in its block is dropped and its text kept. It never judges the article (that
// is package check), never parses (package article), never reads files or the
// network, and never panics on any article.
package render
