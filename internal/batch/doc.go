// Package batch writes one article per story for a whole set of sources:
// it ingests every input into the store, lets the caller group the sources
// into stories, then rewrites each story from all its sources with bounded
// parallelism and writes one file per story.
//
// It takes a [Config]: an open [store.Store], the inputs, an output folder,
// the format and the hooks that load a source and group stories (they live
// with the command line, which owns cleaning and clustering). It gives a
// [Summary] (articles, words, checks green, warnings, failures with their
// reasons) and progress lines or a progress bar on an injected writer.
//
// It is resumable: each stored article carries a record of the story's
// sources (the hash of their sorted content hashes) and of the file it was
// written to, so running again after a kill, SIGKILL included, skips the
// stories whose file exists and whose sources have not changed, and redoes
// the rest. Files are written through a temporary file in the output folder
// renamed into place, so no partial file is ever visible; temporary files
// left by a killed run are removed on the next.
//
// It never cleans text or clusters sources itself, never deletes an output
// file it did not leave half-written, and never stops the batch for one bad
// input or one failed story: both are reported and the others go on.
package batch
