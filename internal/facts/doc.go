// Package facts is the third stage of plume's pipeline: it takes the
// cleaned sources of one story and gives a fact [Sheet] — the story's
// sentences with what each one asserts: figures with the noun they count
// and who states them, dates, quotations with their speaker, the speaker
// of reported claims, and the named entities with their variants merged
// across sources.
//
// It never rewrites a sentence. The writers read the sheet to plan and
// write, and the fidelity checker reads it to verify that an article says
// nothing the sources do not.
package facts
