// Package preload starts decoding the French kit's embedded tables — the
// lexicon, its lemma index and the tagger's model, about 0.1 s of CPU
// together in a fresh process — in the background, from the moment the
// package is initialised.
//
// Only the plume command imports it, for its side effect:
//
//	import _ "github.com/plume-seo/plume/internal/fr/preload"
//
// Go initialises a program's packages one after the other on one
// goroutine; the third-party packages plume links (HTML extraction,
// Markdown, SQLite, the OpenAI client) take some 40 ms to initialise,
// during which the machine's other core is idle. This package's
// initialisation runs early — it depends only on the lexicon and the
// tagger, which depend only on the standard library — so the tables are
// decoded beside that work instead of after it. Whatever needs them waits
// for the same load (each is built once), so preloading only moves work
// earlier; it never changes a result. Tests and other programs decode on
// first use.
//
// It preloads only for the commands that read French (os.Args[1] among
// kitCommands): the decoding competes with the initialisation for memory
// (a fresh process faults in every page it touches), which « plume
// version » or « plume clean » would pay for nothing.
package preload

import (
	"os"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
)

// kitCommands are the plume commands that tag, lemmatise or analyse
// French text.
var kitCommands = map[string]bool{"rewrite": true, "analyze": true, "nlp": true, "batch": true, "serve": true, "eval": true}

func init() {
	if len(os.Args) < 2 || !kitCommands[os.Args[1]] {
		return
	}
	go pos.Default() // the model decodes beside the lexicon
	// In a function literal: « go lexicon.Default().Forms(…) » would
	// decode the lexicon here, before the go statement starts.
	go func() { lexicon.Default().Forms("être") }() // the lexicon, then its lemma index
}
