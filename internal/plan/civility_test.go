package plan_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// « a dit M. Caldwell » is no naming cue: « M » is a civility, neither the
// story's central actor (its keyphrase) nor a « Qui est M ? » profile.
func TestPlanCivilityIsNoName(t *testing.T) {
	t.Parallel()
	text := `Montréal veut encadrer les trottinettes en libre-service

Les trottinettes en libre-service reviennent à Montréal au printemps, a annoncé la Ville.

« Le service est arrivé l’an passé et il a plu aux usagers », a dit M. Caldwell, le responsable des transports.

Selon M. Caldwell, les trottinettes en libre-service ont servi à 200 000 trajets l’an dernier.

M. Caldwell a dit que la Ville attend un bilan des trottinettes à l’automne.

La Ville a dit M. Caldwell prêt à revoir les règles si les trottinettes encombrent les trottoirs.
`
	path := filepath.Join(t.TempDir(), "trottinettes.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sh := writertest.SheetOf(t, path)
	p := plan.Build(sh, plan.Options{MinWords: 300})
	if w := strings.Fields(p.Keyphrase); len(w) == 0 || w[0] == "M" || w[0] == "M." {
		t.Errorf("keyphrase %q", p.Keyphrase)
	}
	for _, s := range p.Sections {
		if s.Kind == plan.Profile {
			t.Errorf("a profile of %q", s.Subject)
		}
	}
	t.Logf("keyphrase %q", p.Keyphrase)
}
