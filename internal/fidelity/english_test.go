package fidelity_test

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// englishSheet is the fact sheet of the English wire story in testdata.
func englishSheet(t *testing.T) *facts.Sheet {
	t.Helper()
	return writertest.SheetOf(t, writertest.EnglishStory)
}

// TestFrenchFromEnglish: a French sentence written from an English source
// is checked against it across languages — its figures, dates and names
// in their French forms are supported, an invented one is not.
func TestFrenchFromEnglish(t *testing.T) {
	t.Parallel()
	sh := englishSheet(t)
	if sh.Sources[0].Lang != "en" || len(sh.Foreign()) != 1 {
		t.Fatalf("source language %q, foreign %v", sh.Sources[0].Lang, sh.Foreign())
	}
	tests := []struct {
		text string
		kind fidelity.Kind // "" = supported
		bad  string
	}{
		{"Environ 12 000 habitants ont dû quitter leur maison jeudi dans le nord de la Californie.", "", ""},
		{"L’incendie a brûlé 20 000 acres depuis son départ, le 3 juin, selon Cal Fire.", "", ""},
		{"Il était maîtrisé à 15 % jeudi soir.", "", ""},
		{"Plus de 1 800 pompiers ont été déployés, avec 40 avions.", "", ""},
		{"L’État débloquera 25 millions de dollars d’aide d’urgence.", "", ""},
		{"L’an dernier, les incendies ont brûlé 1,2 million d’acres et coûté environ 5 milliards de dollars aux assureurs.", "", ""},
		{"La région a reçu moins de la moitié de ses pluies habituelles depuis la mi-mai.", "", ""},
		{"Le thermomètre a atteint 41 degrés mercredi.", "", ""},
		{"Vingt-deux écoles du comté de Placer étaient fermées vendredi, et la Croix-Rouge a ouvert quatre refuges.", "", ""},
		// Invented or misread facts.
		{"Environ 13 000 habitants ont dû quitter leur maison.", fidelity.Figure, "Environ 13 000"},
		{"L’incendie a brûlé 20 acres.", fidelity.Figure, "20"},
		{"Les assureurs ont payé 5 000 milliards de dollars.", fidelity.Figure, "5 000 milliards de dollars"},
		{"L’incendie a commencé le 4 juin.", fidelity.Date, "4 juin"},
		{"Les écoles ont fermé mardi.", fidelity.Date, "mardi"},
		{"Le feu a gagné le Nevada.", fidelity.Name, "Nevada"},
	}
	for _, tt := range tests {
		r := fidelity.Check([]string{tt.text}, sh)
		var got []string
		for _, f := range r.Unsupported {
			got = append(got, string(f.Kind)+":"+f.Text)
		}
		switch {
		case tt.kind == "" && !r.OK():
			t.Errorf("%q: %v %v", tt.text, got, r.QuotesAltered)
		case tt.kind != "" && (len(r.Unsupported) != 1 || r.Unsupported[0].Kind != tt.kind || r.Unsupported[0].Text != tt.bad):
			t.Errorf("%q: got %v; want %s:%s", tt.text, got, tt.kind, tt.bad)
		}
	}
	// Dates English copy splits: "at 3 p.m. Thursday" is « jeudi à 15 h »;
	// the parts must come from one sentence.
	two := facts.Build([]facts.Source{{Name: "t.txt", Lang: "en", Doc: &clean.Document{Blocks: []clean.Block{
		{Kind: clean.Paragraph, Text: "The order came at 3 p.m. Thursday, officials said. Crews left on Friday morning."},
	}}}})
	for text, ok := range map[string]bool{
		"L’ordre est tombé jeudi à 15 h.":          true,
		"L’ordre est tombé vendredi à 15 h.":       false,
		"L’ordre est tombé jeudi matin.":           false,
		"Les équipes sont parties vendredi matin.": true,
	} {
		if r := fidelity.Check([]string{text}, two); r.OK() != ok {
			t.Errorf("%q: OK = %v, want %v (%+v)", text, r.OK(), ok, r.Unsupported)
		}
	}
	// The figures a French article keeps count against the English ones.
	r := fidelity.Check([]string{"Environ 12 000 habitants ont fui. Le feu a brûlé 20 000 acres."}, sh)
	if !r.OK() || r.FiguresKept != 2 || r.FiguresTotal < 10 {
		t.Errorf("figures kept: %+v", r)
	}
}

// TestTranslatedQuotations: the rule for a quotation of an English source,
// respected and broken.
func TestTranslatedQuotations(t *testing.T) {
	t.Parallel()
	sh := englishSheet(t)
	mark := fidelity.TranslatedMark("en")
	tests := []struct {
		name string
		text string
		ok   bool
	}{
		{"marked translation", "« Aucune famille ne fera face seule à cette épreuve » " + mark + ", a déclaré Maria Alvarez à Auburn.", true},
		{"marked, speaker in the sentence before", "Maria Alvarez s’est adressée aux journalistes à Auburn. « Aucune famille ne fera face seule à cette épreuve » " + mark + ".", true},
		{"marked, ASCII apostrophe", "« Aucune famille ne fera face seule à cette épreuve » (traduit de l'anglais), a déclaré Maria Alvarez.", true},
		{"marked, with its figure-free original", "« Ce feu avance plus vite que tout ce que nous avons vu l’an dernier » " + mark + ", a averti Daniel Ortiz.", true},
		{"reported speech", "Maria Alvarez a assuré qu’aucune famille ne ferait face seule à cette épreuve.", true},
		{"verbatim English", "« No family will face this alone », a dit Maria Alvarez.", true},
		{"translation without the mark", "« Aucune famille ne fera face seule à cette épreuve », a déclaré Maria Alvarez.", false},
		{"mark far from the quotation", "« Aucune famille ne fera face seule à cette épreuve », a déclaré Maria Alvarez " + mark + ".", false},
		{"wrong speaker", "« Aucune famille ne fera face seule à cette épreuve » " + mark + ", a déclaré Daniel Ortiz.", false},
		{"a figure the original lacks", "« Aucune des 86 familles ne fera face seule à cette épreuve » " + mark + ", a déclaré Maria Alvarez.", false},
		{"far shorter than any original", "« Seule » " + mark + ", a déclaré Maria Alvarez.", false},
		{"far longer than the original", "« Aucune famille ne fera face seule à cette épreuve, ni aujourd’hui ni demain, ni dans les mois qui viennent, car l’État sera toujours là pour chacune d’elles » " + mark + ", a déclaré Maria Alvarez.", false},
		{"wrong language named", "« Aucune famille ne fera face seule à cette épreuve » (traduit de l’espagnol), a déclaré Maria Alvarez.", false},
	}
	for _, tt := range tests {
		r := fidelity.Check([]string{tt.text}, sh)
		if r.OK() != tt.ok {
			t.Errorf("%s: OK = %v, want %v (%+v)", tt.name, r.OK(), tt.ok, r)
		}
	}
	// A French story has no quotation to translate: the mark excuses
	// nothing.
	fr := sheet(t, "001")
	r := fidelity.Check([]string{"« C’est une menace extrêmement active » " + mark + ", a dit Jen Psaki."}, fr)
	if len(r.QuotesAltered) != 1 {
		t.Errorf("a marked quotation against a French source: %+v", r)
	}
	if !strings.Contains(mark, "anglais") || fidelity.TranslatedMark("fr") != "" {
		t.Errorf("marks: %q %q", mark, fidelity.TranslatedMark("fr"))
	}
}

// English copy often quotes between straight double quotes, a quotation
// of several sentences included: the rule holds for those too.
func TestTranslatedStraightQuotations(t *testing.T) {
	t.Parallel()
	raw := "Fire hits town\n" +
		"A fire forced 2,000 people to flee on Thursday, officials said in a statement to reporters.\n" +
		"\"We will rebuild every home. No one will be left behind,\" Governor Maria Alvarez said on Thursday in Auburn.\n" +
		"The fire burned 5,000 acres of forest and grassland near the town, according to officials.\n"
	doc, err := clean.Text(raw)
	if err != nil {
		t.Fatal(err)
	}
	sh := facts.Build([]facts.Source{{Name: "straight.txt", Doc: doc}})
	if len(sh.Quotes) != 1 || !strings.HasPrefix(sh.Quotes[0].Text, "We will rebuild every home. No one") {
		t.Fatalf("quotes %+v", sh.Quotes)
	}
	mark := fidelity.TranslatedMark("en")
	for text, ok := range map[string]bool{
		"« Nous reconstruirons chaque maison. Personne ne sera laissé de côté » " + mark + ", a déclaré Maria Alvarez jeudi.": true,
		"« Nous reconstruirons chaque maison. Personne ne sera laissé de côté », a déclaré Maria Alvarez jeudi.":              false,
		"« Nous reconstruirons 2 000 maisons » " + mark + ", a déclaré Maria Alvarez jeudi.":                                  false,
	} {
		if r := fidelity.Check([]string{text}, sh); r.OK() != ok {
			t.Errorf("%q: OK = %v, want %v (%+v)", text, r.OK(), ok, r)
		}
	}
}
