// Package nlp runs plume's French kit on a text in one call, for people who
// want to see what the kit makes of an article (plume nlp) and for tests:
// sentences → tokens → tags → lemmas → noun phrases → entities → figures →
// dates, plus the language of the whole.
//
// It takes plain text and gives an Analysis whose JSON form is stable. It
// adds no analysis of its own: each step is the package that owns it (token,
// pos, chunk, entity, figure, langid). It never reads files or the network and
// never panics.
package nlp
