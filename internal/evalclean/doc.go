// Package evalclean scores HTML cleaning against a corpus folder.
//
// It takes a corpus directory (INDEX.tsv with columns id and url; per page
// <id>/raw.html plus <id>/truth.txt and/or <id>/truth.json) and a list of
// extractors, and gives a Report that compares them side by side as one
// Markdown table. It never fetches anything, never writes into the corpus
// and knows nothing of plume's own pipeline: the caller passes plume's
// cleaner in as an Extractor, next to TrafilaturaOnly.
//
// Scoring method. Full references (truth.txt) are scored with token-level
// precision, recall and F1 on bags of words (multisets of lower-cased word
// tokens, after NFC, soft-hyphen removal and whitespace normalisation), the
// measure used by the trafilatura evaluation and by the article-extraction
// benchmarks (Bevendorff et al., "An Empirical Comparison of Web Content
// Extraction Algorithms", SIGIR 2023). Macro means average the per-page
// scores of the pages that have a full reference; micro scores pool the
// token counts of those pages. Partial references are checked as the
// trafilatura evaluation does: a must_contain snippet is kept, and a
// must_not_contain snippet leaked, when it occurs in the output. Prefix
// references (goose3, Postlight parser fixtures) pass when the output begins
// with the given text or words; a title-length lead-in (MaxLeadIn) may come
// before it. See Normalize for how snippets are compared.
package evalclean
