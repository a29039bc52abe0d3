package figure

import (
	"strings"
	"testing"
)

func figureKeys(fs []Figure) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Key())
	}
	return out
}

func dateKeys(ds []Date) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Key())
	}
	return out
}

// TestEnglishFiguresMatchFrench: an English figure has the key of its
// French form, its text is the English as written, and a different number
// keeps a different key.
func TestEnglishFiguresMatchFrench(t *testing.T) {
	cases := []struct{ en, enText, fr string }{
		{"The fire destroyed 20,000 hectares.", "20,000 hectares", "Le feu a détruit 20 000 hectares."},
		{"About 1.2 million people were told to leave.", "About 1.2 million", "Environ 1,2 million de personnes ont dû partir."},
		{"Congress approved $5 billion in aid.", "$5 billion", "Le Congrès a voté 5 milliards de dollars d'aide."},
		{"Prices rose 3.5 percent.", "3.5 percent", "Les prix ont augmenté de 3,5 %."},
		{"More than 200 firefighters were deployed.", "More than 200", "Plus de 200 pompiers ont été déployés."},
		{"It was the third fire in a month.", "third", "C'était le troisième incendie du mois."},
		{"Twenty-five homes burned.", "Twenty-five", "Vingt-cinq maisons ont brûlé."},
		{"It cost 1,234,567 dollars.", "1,234,567 dollars", "Il a coûté 1 234 567 dollars."},
		{"He came 2nd.", "2nd", "Il est arrivé 2e."},
		{"Three people died.", "Three", "Trois personnes sont mortes."},
		{"Maps are updated twice a day.", "twice", "Les cartes sont mises à jour deux fois par jour."},
		{"The deal is worth $1.5bn.", "$1.5bn", "L’accord vaut 1,5 milliard de dollars."},
		{"It raised £5m.", "£5m", "Il a levé 5 millions de livres sterling."},
	}
	for _, c := range cases {
		en := FiguresIn(c.en, English)
		fr := Figures(c.fr)
		if len(en) != 1 || len(fr) != 1 {
			t.Errorf("%q: %v / %q: %v", c.en, figureKeys(en), c.fr, figureKeys(fr))
			continue
		}
		if en[0].Key() != fr[0].Key() {
			t.Errorf("%q gives %s, %q gives %s", c.en, en[0].Key(), c.fr, fr[0].Key())
		}
		if en[0].Text != c.enText || c.en[en[0].Start:en[0].End] != en[0].Text {
			t.Errorf("%q: text %q [%d:%d], want %q", c.en, en[0].Text, en[0].Start, en[0].End, c.enText)
		}
	}
	// Read as French, "20,000" is twenty; read as English it is not.
	if k := figureKeys(Figures("20,000 hectares")); len(k) != 1 || k[0] != "count:20:ha" {
		t.Errorf("French reading of 20,000 = %v", k)
	}
	for _, c := range []struct{ en, fr string }{
		{"20,000 hectares", "2 000 hectares"},
		{"$5 billion", "5 000 milliards de dollars"}, // a French billion is 10¹²
		{"$5 billion", "5 milliards d'euros"},
		{"1.2 million people", "12 millions de personnes"},
	} {
		en, fr := figureKeys(FiguresIn(c.en, English)), figureKeys(Figures(c.fr))
		if len(en) == 1 && len(fr) == 1 && en[0] == fr[0] {
			t.Errorf("%q and %q share %s", c.en, c.fr, en[0])
		}
	}
}

func TestEnglishDatesMatchFrench(t *testing.T) {
	cases := []struct{ en, enText, fr string }{
		{"The fire started on June 3.", "June 3", "Le feu a pris le 3 juin."},
		{"The fire started on June 3rd, 2026, near the town.", "June 3rd, 2026", "Le feu a pris le 3 juin 2026."},
		{"It started on 3 June 2026.", "3 June 2026", "Il a pris le 3 juin 2026."},
		{"Officials spoke on Thursday.", "Thursday", "Les responsables ont parlé jeudi."},
		{"Officials spoke on Thursday morning.", "Thursday morning", "Les responsables ont parlé jeudi matin."},
		{"The drought began in mid-May.", "mid-May", "La sécheresse a commencé à la mi-mai."},
		{"Rain is expected in early July.", "early July", "La pluie est attendue début juillet."},
		{"The plan was adopted in 2025 after a vote.", "2025", "Le plan a été adopté en 2025 après un vote."},
		{"The mayor spoke yesterday.", "yesterday", "Le maire a parlé hier."},
		{"The law passed last week.", "last week", "La loi est passée la semaine dernière."},
		{"They met last Tuesday.", "last Tuesday", "Ils se sont vus mardi dernier."},
		{"Work resumes in May.", "May", "Le travail reprend en mai."},
		{"The order came at 3 p.m. on the dot.", "3 p.m.", "L’ordre est tombé à 15 h précises."},
		{"The vote is at 10:30am.", "10:30am", "Le vote a lieu à 10h30."},
		{"They met Thursday at 9 p.m. in Auburn.", "Thursday at 9 p.m.", "Ils se sont vus jeudi à 21 h à Auburn."},
	}
	for _, c := range cases {
		en := DatesIn(c.en, English)
		fr := Dates(c.fr)
		if len(en) != 1 || len(fr) != 1 {
			t.Errorf("%q: %v / %q: %v", c.en, dateKeys(en), c.fr, dateKeys(fr))
			continue
		}
		if en[0].Key() != fr[0].Key() {
			t.Errorf("%q gives %s, %q gives %s", c.en, en[0].Key(), c.fr, fr[0].Key())
		}
		if en[0].Text != c.enText || c.en[en[0].Start:en[0].End] != en[0].Text {
			t.Errorf("%q: text %q [%d:%d], want %q", c.en, en[0].Text, en[0].Start, en[0].End, c.enText)
		}
	}
	// A day figure of a date is the date's, not a count.
	if fs := FiguresIn("The fire started on June 3, 2026.", English); len(fs) != 0 {
		t.Errorf("figures of a date: %v", figureKeys(fs))
	}
	for _, c := range []struct{ en, fr string }{
		{"June 3", "4 juin"}, {"June 3", "3 juillet"}, {"Thursday", "mardi"}, {"mid-May", "mi-juin"}, {"at 3 p.m.", "à 3 h"}, {"at 3 p.m.", "à 16 h"},
	} {
		en, fr := dateKeys(DatesIn(c.en, English)), dateKeys(Dates(c.fr))
		if len(en) == 1 && len(fr) == 1 && en[0] == fr[0] {
			t.Errorf("%q and %q share %s", c.en, c.fr, en[0])
		}
	}
	// "may" the verb is no month.
	if ds := DatesIn("Officials said it may rain.", English); len(ds) != 0 {
		t.Errorf("dates of a modal verb: %v", dateKeys(ds))
	}
}

// TestFrenchUnchangedByLang: any language other than English reads as
// French, to the byte.
func TestFrenchUnchangedByLang(t *testing.T) {
	for _, s := range readSeeds(t) {
		for _, lang := range []string{"fr", "unknown", ""} {
			a, b := figureKeys(Figures(s)), figureKeys(FiguresIn(s, lang))
			if strings.Join(a, "|") != strings.Join(b, "|") {
				t.Fatalf("FiguresIn(%q) differs from Figures", lang)
			}
			if x, y := dateKeys(Dates(s)), dateKeys(DatesIn(s, lang)); strings.Join(x, "|") != strings.Join(y, "|") {
				t.Fatalf("DatesIn(%q) differs from Dates", lang)
			}
		}
	}
}

func FuzzFiguresEnglish(f *testing.F) {
	for _, s := range []string{"20,000", "June 3rd, 2026", "mid-May", "$5 billion", "last Tuesday", "more than", "1.", "a dozen", "twenty-", "in 2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, FiguresIn(s, English), DatesIn(s, English))
	})
}
