// Package lexicon is plume's French lexicon: for a word form it gives the
// lemma, the Universal Dependencies part of speech (UPOS) and the
// morphological features (gender, number, verb form, tense, mood, person)
// of every reading; for a lemma it gives all its inflected forms.
//
// It takes word forms (as plume's tokeniser cuts them: « l' » and
// « organisation » apart) and gives analyses. It never guesses: a form the
// dictionary does not hold has no analysis, and choosing among the readings
// of an ambiguous form is the part-of-speech tagger's job. It never reads
// files or the network at run time.
//
// The data, about 470,000 distinct forms carrying 630,000 analyses, comes
// from Dicollecte/Grammalecte's French dictionary as Debian ships it
// (hunspell-fr-comprehensive, MPL-2.0); see data/NOTICE. It is built by
// `go generate ./internal/fr/lexicon`, which expands the Hunspell affix rules
// with the generator in internal/gen, and embedded compressed (under 1 MB).
// It is decoded on first use, once (about 30 ms of CPU, 12 MB kept), into
// one string blob addressed by offsets, so a look-up does not allocate per
// string: Has, TagSet and AppendLookup do not allocate at all, Lookup
// allocates its result slice.
//
// Look-ups are exact and treat the apostrophes ' and ’ alike;
// LookupFold also tries the lower-cased and title-cased spellings, for a
// capitalised word at the start of a sentence or an all-capitals heading.
package lexicon

//go:generate go run ./internal/gen -o data/lexicon.bin -notice data/NOTICE
