package cli

import (
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
)

// warmKit loads the French kit's tables — the lexicon, its lemma index and
// the tagger's model, ~0.1 s of CPU together — on another core while the
// command parses its flags and reads and cleans its input. Whatever needs
// them first waits for the same load (each is built once), so this only
// moves work earlier; it never changes a result.
func warmKit() {
	go pos.Default() // the tagger's model decodes beside the lexicon
	go lexicon.Default().Forms("être")
}
