// Package rephrase holds the grammar-safe sentence operations of plume's
// offline (extractive) writer: reported-speech reframing, attribution-verb
// variation, splitting a long sentence at a safe point, removing a wire
// dateline, adding a discourse connective, and merging near-duplicate
// sentences from several sources.
//
// It takes French sentences as the sources wrote them (one sentence per
// call, as token.Sentences cuts them) and gives transformed sentences. Every
// operation is a pure function that reports ok=false and returns its input
// unchanged when it cannot apply safely: when in doubt, it does nothing.
//
// It never changes a fact, a figure, a name or a quotation: every digit
// sequence and every « » quotation of the input is in the output verbatim
// (the fuzz targets assert it), tenses are never changed, and words are
// never moved into or out of quotation marks. It never reads files or the
// network, keeps no mutable global state and never panics.
package rephrase
