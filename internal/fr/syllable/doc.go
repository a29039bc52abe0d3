// Package syllable counts the syllables of French words and turns counts
// into the Kandel–Moles reading ease, the French adaptation of Flesch's
// formula used by plume's readability checks.
//
// It takes single words (a token from any tokeniser) and plain counts, and
// gives integers and scores. It never splits text into words or sentences
// (that is the tokeniser's job), reads no files and has no state.
package syllable
