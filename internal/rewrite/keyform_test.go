package rewrite

import (
	"context"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/clean"
)

// A keyphrase of common nouns is written as the sources write it, in the
// article's keyphrase, its headings and its SEO title: « projet de loi »,
// never « projet loi ». The title then opens with the keyphrase exactly,
// as Yoast's title check asks.
func TestKeyphraseAsTheSourcesWriteIt(t *testing.T) {
	t.Parallel()
	text := `Le projet de loi sur le renseignement adopté par les députés

Les députés ont adopté mardi le projet de loi sur le renseignement, par 438 voix contre 86. Le projet de loi encadre les pratiques des services de renseignement.
Selon le gouvernement, le projet de loi donne un cadre légal à des pratiques anciennes. Les opposants au projet de loi dénoncent une surveillance de masse.
Le texte prévoit des algorithmes chez les opérateurs. La Commission nationale de contrôle des techniques de renseignement rendra un avis sur chaque demande.
Le projet de loi doit encore être examiné par le Sénat. Les sénateurs de la majorité ont annoncé qu’ils voteraient le projet de loi.
Le Conseil constitutionnel sera saisi du projet de loi par le président de la République. Les associations de défense des libertés ont appelé à manifester.
`
	doc, err := clean.Text(text)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), []Input{{Name: "loi", Doc: doc}}, Options{MinWords: 150})
	if err != nil {
		t.Fatal(err)
	}
	if r.Keyphrase != "projet de loi" {
		t.Fatalf("keyphrase %q, want « projet de loi »", r.Keyphrase)
	}
	if !strings.HasPrefix(r.SEOTitle, "Projet de loi") {
		t.Errorf("SEO title %q does not open with the keyphrase", r.SEOTitle)
	}
	for _, s := range r.Sections {
		if strings.Contains(strings.ToLower(s.Heading), "projet loi") {
			t.Errorf("heading %q", s.Heading)
		}
	}
	for _, c := range r.Checks {
		if c.ID == "seo.title_keyphrase" && c.Score < 9 {
			t.Errorf("title check: %s", c.Message)
		}
	}
}

// The page's furniture never becomes the meta description, even when it
// is the one sentence of the right length that holds the keyphrase: a
// contact line with an e-mail address (facts.Furniture).
func TestMetaDescriptionIsNoFurniture(t *testing.T) {
	t.Parallel()
	text := `Un juge se récuse dans l’affaire KPMG

La semaine dernière, un juge de la Cour de l’impôt s’est récusé d’un dossier qui met en cause un stratagème du cabinet comptable KPMG, une affaire suivie de près par les fiscalistes du pays.
Le juge Bocock avait participé à une soirée organisée par un cabinet lié à l’affaire.
Le Conseil canadien de la magistrature a déposé une plainte contre le juge Bocock et deux autres juges.
Vous pouvez joindre l’équipe du juge Bocock par courriel à equipe.bocock@example.ca ou par téléphone au 604 662-6882.
`
	doc, err := clean.Text(text)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), []Input{{Name: "kpmg", Doc: doc}}, Options{MinWords: 100, Keyphrase: "juge Bocock"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.MetaDescription, "@") || strings.Contains(r.Markdown, "equipe.bocock@example.ca") {
		t.Errorf("meta description %q; the contact line is furniture", r.MetaDescription)
	}
}
