// Package clean is the second stage of plume's pipeline: it takes a decoded
// [source.Input] — pasted page copy, an HTML page or Markdown — and gives a
// [Document]: the article alone (title, its paragraphs, its own subheadings,
// quotations and lists), its metadata (byline, dateline, date, site), the
// editor's brief if one was pasted with it, and every line it removed with
// the reason.
//
// It never rewrites the article's sentences: it only drops page furniture,
// moves bylines and datelines into metadata, and repairs residue of the page
// (LaTeX-style quotes, emoji-mangled tickers, soft hyphens, whitespace,
// Unicode normalisation).
//
// The text filter locates the article body as the contiguous run of lines
// with the most prose, in the spirit of Finn, Kushmerick and Smyth's Body
// Text Extraction (2001), after rule-based furniture classification; lines
// after the article are judged by topical coherence with it.
package clean
