package keyphrase_test

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/keyphrase"
)

// A compound query joins a salient common noun with a salient name
// (« piratage Microsoft Exchange »). An adjective before the noun or an
// adverb that the lexicon also knows as a noun never heads one, and a
// one-letter word (« M. Caldwell ») is never part of a keyphrase.
func TestChooseCompoundHeads(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, title string
		sents       []string
		bad         []string // words the keyphrase must not hold
	}{
		{
			name:  "an adjective before a name",
			title: "L’Université PSL : quand les grandes écoles font université",
			sents: []string{
				"Le décret validant les nouveaux statuts de l’Université PSL vient d’être publié.",
				"Il rapproche les grandes écoles et l’université.",
				"L’Université PSL réunit onze grandes écoles et trois organismes.",
				"Les grandes écoles de l’Université PSL gardent leur nom.",
				"L’Université PSL délivre désormais les diplômes des grandes écoles.",
			},
			bad: []string{"grandes"},
		},
		{
			name:  "an adverb that is also a noun",
			title: "Lorient bat Lyon grâce à Nardi",
			sents: []string{
				"Lorient ne s’est pas laissé faire face à Lyon et Nardi a brillé.",
				"Nardi n’a pas tremblé sur la première occasion lyonnaise.",
				"Le gardien Nardi ne cède pas malgré la pression.",
				"Lyon ne trouve pas la faille face à Nardi.",
			},
			bad: []string{"pas"},
		},
		{
			name:  "a civility",
			title: "Montréal veut encadrer les trottinettes",
			sents: []string{
				"« Le service est arrivé l’an passé », a dit M. Caldwell.",
				"M. Caldwell compte sur les trottinettes en libre-service.",
				"Selon M. Caldwell, les trottinettes en libre-service réduisent le trafic.",
				"M. Caldwell attend un bilan des trottinettes à l’automne.",
			},
			bad: []string{"M", "M."},
		},
	}
	for _, tt := range tests {
		c, ok := keyphrase.Choose(tt.sents, keyphrase.Options{Lead: tt.sents[0], Titles: []string{tt.title}, MinSentences: 2})
		if !ok {
			t.Errorf("%s: no keyphrase", tt.name)
			continue
		}
		for _, w := range c.Words {
			for _, b := range tt.bad {
				if strings.EqualFold(w, b) {
					t.Errorf("%s: keyphrase %q holds %q", tt.name, c.Keyphrase(), b)
				}
			}
		}
		t.Logf("%s: %q", tt.name, c.Keyphrase())
	}
}
