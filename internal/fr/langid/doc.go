// Package langid tells whether a text is French, and if not, which of a few
// neighbouring languages it is (English, Spanish, Italian, German,
// Portuguese). plume uses it to reject a brief or a source in another
// language and to check that every part of an article it writes is French.
//
// It takes text and gives a Result: a language code or "unknown", a
// confidence and the score of every language. It scores the share of each
// language's function words (lists written for this package and embedded)
// and a few letters that only some languages use (ñ, ß, ã, œ …). It says
// "unknown" rather than guess on a few words or a close call. It never reads
// files or the network at run time; a caller may add signals, such as the
// share of words a French lexicon knows, through Option values.
package langid
