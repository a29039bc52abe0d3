package write

import (
	"testing"

	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/fr/figure"
)

func TestFrenchPatterns(t *testing.T) {
	t.Parallel()
	for words, want := range map[string]string{
		"piratage Microsoft Exchange": "piratage de Microsoft Exchange",
		"attaque Exchange":            "attaque d’Exchange",
		"Maison Blanche":              "Maison Blanche",
		"Midnight Blizzard":           "Midnight Blizzard",
		"agences gouvernementales":    "agences gouvernementales",
		"croissance PIB":              "croissance du PIB", // the name takes an article: contracted
		"caisse CGT":                  "caisse de la CGT",
	} {
		if got := keyphraseForm(splitWords(words)); got != want {
			t.Errorf("keyphraseForm(%q) = %q; want %q", words, got, want)
		}
	}
	// The sources' own connective wins: « présidence du HCERES », a name
	// the lexicon does not know.
	if got := keyphraseFormIn(splitWords("présidence HCERES"), []string{"Une candidature collective à la présidence du HCERES"}); got != "présidence du HCERES" {
		t.Errorf("keyphraseFormIn = %q", got)
	}
	for np, want := range map[string]string{
		"directive d’urgence":    "la directive d’urgence",
		"agence":                 "l’agence",
		"serveurs de messagerie": "les serveurs de messagerie",
		"groupe de travail":      "le groupe de travail",
		// An invariable noun: the adjective after it tells the number.
		"propos controversés": "les propos controversés",
		"propos tenus":        "les propos tenus",
		"prix élevé":          "le prix élevé",
	} {
		if got := withDeterminer(chunk.Phrase{Text: np, Head: splitWords(np)[0], Kind: chunk.Common}); got != want {
			t.Errorf("withDeterminer(%q) = %q; want %q", np, got, want)
		}
	}
	for noun, want := range map[string]string{"organisations": "concernées", "clients": "concernés", "entreprise": "concernée"} {
		if got := agree("concerné", noun); got != want {
			t.Errorf("agree(concerné, %s) = %q; want %q", noun, got, want)
		}
	}
	for in, want := range map[string]string{"Piratage Microsoft Exchange": "piratage-microsoft-exchange", "Storm-0558": "storm-0558", "cœur électrique": "coeur-electrique"} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q; want %q", in, got, want)
		}
	}
	if agrees(chunk.Phrase{Text: "application de la loi américains", Kind: chunk.Common}) {
		t.Error("« application de la loi américains » accepted as a heading phrase")
	}
	if !agrees(chunk.Phrase{Text: "agences gouvernementales américaines", Kind: chunk.Common}) {
		t.Error("« agences gouvernementales américaines » refused")
	}
}

func TestQuestionsAndKeyPoints(t *testing.T) {
	t.Parallel()
	s := facts.Sentence{
		Text:    "Et Reuters rapporte que plus de 20 000 organisations aux États-Unis sont infiltrées, en plus de nombreuses autres touchées dans le monde.",
		Speaker: "Reuters",
	}
	s.Figures = figure.Figures(s.Text)
	// Not « Combien d’organisations sont concernées ? », which the
	// passive voice check counts as passive.
	if got, want := faqQuestion(s), "Quel est le nombre d’organisations concernées\u00a0?"; got != want {
		t.Errorf("faqQuestion = %q; want %q", got, want)
	}
	if check.IsPassive(faqQuestion(s), check.Forms) || check.IsPassive(faqQuestion(s), check.Exact) {
		t.Errorf("faqQuestion = %q reads as passive", faqQuestion(s))
	}
	if got, want := keyPoint(s), "Plus de 20 000 organisations aux États-Unis infiltrées, selon Reuters"; got != want {
		t.Errorf("keyPoint = %q; want %q", got, want)
	}
	deny := facts.Sentence{Text: "Les États-Unis accusent depuis longtemps le gouvernement chinois de cyberespionnage, ce que nie Pékin."}
	if got, want := faqQuestion(deny), "Que répond Pékin\u00a0?"; got != want {
		t.Errorf("faqQuestion(denial) = %q; want %q", got, want)
	}
	for in, want := range map[string]string{
		"la porte-parole de la Maison Blanche, Jennifer Psaki": "Jennifer Psaki",
		"un responsable de la Maison Blanche":                  "un responsable de la Maison Blanche",
		"L’ambassade de Chine à Londres":                       "l’ambassade de Chine à Londres",
		"il":                                                   "",
	} {
		if got := speakerForQuestion(in); got != want {
			t.Errorf("speakerForQuestion(%q) = %q; want %q", in, got, want)
		}
	}
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s + " " {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func TestWithArticle(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"Russie": "la Russie", "États-Unis": "les États-Unis", "Japon": "le Japon", "Irak": "l’Irak",
		"Moscou": "Moscou", "Microsoft": "Microsoft", "Maison Blanche": "la Maison Blanche",
		"Conseil de sécurité nationale": "le Conseil de sécurité nationale", "Agence nationale de sécurité": "l’Agence nationale de sécurité",
		"Jake Sullivan": "Jake Sullivan", "Microsoft Exchange": "Microsoft Exchange", "Midnight Blizzard": "Midnight Blizzard",
	} {
		if got := withArticle(name); got != want {
			t.Errorf("withArticle(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"C’est terminé au Moustoir !":           "c’est terminé au Moustoir !",
		"L’agence a répondu.":                   "l’agence a répondu.",
		"Qu’il pleuve ou non, le match a lieu.": "qu’il pleuve ou non, le match a lieu.",
		"Microsoft a déclaré.":                  "Microsoft a déclaré.",
		"La Chine nie.":                         "la Chine nie.",
		"D’Artagnan est arrivé.":                "D’Artagnan est arrivé.",
		"N’Golo Kanté a marqué.":                "N’Golo Kanté a marqué.",
		"N'Djamena a répondu.":                  "N'Djamena a répondu.",
		"L’Agence américaine a averti.":         "l’Agence américaine a averti.",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}
