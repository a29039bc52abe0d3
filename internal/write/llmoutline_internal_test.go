package write

import (
	"testing"

	"github.com/plume-seo/plume/internal/fr/langid"
)

// A heading's language is told from its words other than names: a
// heading of names only is French (fidelity checks the names), English
// words are not, whether the identifier places them or the lexicon does
// not know them.
func TestLineLang(t *testing.T) {
	t.Parallel()
	for s, french := range map[string]bool{
		"Chronologie":                                 true,
		"Les failles de sécurité":                     true,
		"Qui est Hafnium ?":                           true,
		"Hafnium : Microsoft Exchange":                true,
		"Storm-0558 : Europe":                         true,
		"Hafnium : le piratage de Microsoft Exchange": true,
		"Key takeaways":                               false,
		"Security updates":                            false,
		"What happened":                               false,
		"Storm-0558 : the stolen key":                 false,
		"Hafnium : what we know":                      false,
	} {
		if got := lineLang(s) == langid.French; got != french {
			t.Errorf("%q: French %v; want %v", s, got, french)
		}
	}
}
