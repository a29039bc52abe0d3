package main

import (
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
)

// lexiconDict returns the French lexicon as the tagger's Dict, the same one
// pos.Default uses.
func lexiconDict() *pos.LexiconDict { return pos.NewLexiconDict(lexicon.Default()) }
