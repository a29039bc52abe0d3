package pos

import "github.com/plume-seo/plume/internal/fr/lexicon"

// defaultLexicon is the dictionary the embedded model was trained with
// (cmd/postrain uses the same) and the source of Default's lemmas.
func defaultLexicon() *LexiconDict { return NewLexiconDict(lexicon.Default()) }
