package plan_test

import (
	"testing"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/plan"
)

// A short fragment without a verb — a live blog's « 96'Fin du match »,
// which the cleaner keeps as a paragraph of the page — is no lede: the
// lede is the first sentence that says something.
func TestLedeIsNoFragment(t *testing.T) {
	t.Parallel()
	doc := &clean.Document{Title: "Lorient et Lyon se quittent sur un match nul", Language: "fr"}
	for _, p := range []string{
		"96'Fin du match",
		"C’est terminé au Moustoir, où Lorient a tenu tête à l’OL dans un match qui se termine sur un score nul.",
		"Dubois a répondu à Wissa en seconde période, sur un centre venu de la droite, pour égaliser.",
		"Paul Nardi a multiplié les arrêts et le portier lorientais a reçu un carton jaune en fin de match.",
		"Lorient reste invaincu à domicile depuis le début de la saison, et Lyon recule au classement.",
	} {
		doc.Blocks = append(doc.Blocks, clean.Block{Kind: clean.Paragraph, Text: p})
	}
	sh := facts.Build([]facts.Source{{Name: "match", Doc: doc, Title: doc.Title}})
	p := plan.Build(sh, plan.Options{MinWords: 150})
	if len(p.Sections) == 0 || p.Sections[0].Kind != plan.Lead || len(p.Sections[0].Sentences) == 0 {
		t.Fatalf("no lead: %+v", p.Sections)
	}
	if first := sh.Sentences[p.Sections[0].Sentences[0]].Text; first == "96'Fin du match" {
		t.Errorf("the lede is the fragment %q", first)
	}
}
