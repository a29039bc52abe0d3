package check

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

func TestRegistry(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	yoast := map[string]bool{}
	for _, c := range Checks() {
		id := c.ID()
		if seen[id] {
			t.Errorf("duplicate id %s", id)
		}
		seen[id] = true
		if !strings.HasPrefix(id, string(c.Category())+".") {
			t.Errorf("%s: namespace does not match category %s", id, c.Category())
		}
		if y, ok := c.(interface{ Yoast() string }); ok && y.Yoast() != "" {
			if yoast[y.Yoast()] {
				t.Errorf("two checks mirror %s", y.Yoast())
			}
			yoast[y.Yoast()] = true
		}
		if got, ok := Lookup(id); !ok || got != c {
			t.Errorf("Lookup(%s) failed", id)
		}
	}
	// Every assessment Yoast 3.6.0 runs on a French post.
	for _, y := range strings.Fields(`introductionKeyword keyphraseLength keyphraseDensity metaDescriptionKeyword
		metaDescriptionLength subheadingsKeyword textCompetingLinks imageKeyphrase images textLength externalLinks
		keyphraseInSEOTitle internalLinks titleWidth slugKeyword functionWordsInKeyphrase singleH1
		subheadingsTooLong textParagraphTooLong textSentenceLength textTransitionWords passiveVoice textPresence sentenceBeginnings`) {
		if !yoast[y] {
			t.Errorf("no check mirrors %s", y)
		}
	}
	for _, bad := range []Check{&Typography{base{"plume.typography", "", Plume}}, &Typography{base{"nonamespace", "", Plume}}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%s) did not panic", bad.ID())
				}
			}()
			Register(bad)
		}()
	}
}

func TestRatings(t *testing.T) {
	t.Parallel()
	for s, want := range map[int]Rating{-999: Bad, -10: Bad, 0: Bad, 4: Bad, 5: OK, 7: OK, 8: Good, 9: Good} {
		if got := RatingOf(s); got != want {
			t.Errorf("RatingOf(%d) = %s, want %s", s, got, want)
		}
	}
}

func TestTypography(t *testing.T) {
	t.Parallel()
	runScoreCases(t, "plume.typography", []scoreCase{
		{"clean", art("voiture", P("Tout va bien.")), exact, 9},
		{"one", art("voiture", P("Tout va bien ?")), exact, 6},
		{"four", art("voiture", P("Oui ? Non ! Et : voilà ; fin.")), exact, 3},
	})
	a := art("voiture", P("Tout va bien ?"))
	a.Title = "L'État : titre"
	r, _ := result(t, a, Options{}, "plume.typography")
	if r.Score != 6 || !strings.Contains(r.Message, "→") { // three faults
		t.Errorf("title and body faults: %+v", r)
	}
}

func TestHeadingsQuality(t *testing.T) {
	t.Parallel()
	runScoreCases(t, "plume.headings", []scoreCase{
		{"unique", art("v", H(2, "Un"), P("a"), H(2, "Deux"), P("b")), exact, 9},
		{"duplicate", art("v", H(2, "Les prix"), P("a"), H(3, "les prix !"), P("b")), exact, 3},
		{"empty", art("v", H(2, " "), P("a")), exact, 3},
	})
	if _, ok := result(t, art("v", P("a")), exact, "plume.headings"); ok {
		t.Error("no heading: the check should not run")
	}
}

func TestMinWords(t *testing.T) {
	t.Parallel()
	a := art("voiture", P(para(400, 10, 0)))
	runScoreCases(t, "plume.min_words", []scoreCase{
		{"400 ≥ 400", a, Options{MinWords: 400}, 9},
		{"400 < 401", a, Options{MinWords: 401}, 3},
	})
	if _, ok := result(t, a, Options{}, "plume.min_words"); ok {
		t.Error("MinWords 0: the check should not run")
	}
}

const english = "The government announced on Tuesday that the new rules would apply to all companies with more than fifty employees, and that the changes would be reviewed by the end of the year."

const french = "Le gouvernement a annoncé mardi que les nouvelles règles s'appliqueraient à toutes les entreprises de plus de cinquante salariés, et que les changements seraient revus avant la fin de l'année."

func TestLanguagePurity(t *testing.T) {
	t.Parallel()
	runScoreCases(t, "plume.language", []scoreCase{
		{"french", art("v", P(french), H(2, "Suite"), P(french)), exact, 9},
		{"english section", art("v", P(french), H(2, "Next"), P(english)), exact, 3},
	})
}

func TestRepeatedSentences(t *testing.T) {
	t.Parallel()
	runScoreCases(t, "plume.repeated_sentences", []scoreCase{
		{"none", art("v", P(french)), exact, 9},
		{"repeated", art("v", P(french), P("Autre chose. "+french)), exact, 3},
		{"short ones may repeat", art("v", P("Oui, bien sûr. Oui, bien sûr.")), exact, 9},
	})
}

func TestReadingEase(t *testing.T) {
	t.Parallel()
	easy := art("v", P(strings.Repeat("Le chat dort. Il fait beau. ", 10)))
	hard := art("v", P(strings.Repeat("L'internationalisation des réglementations administratives contemporaines complique considérablement l'interprétation jurisprudentielle communautaire. ", 5)))
	if got := score(t, easy, exact, "plume.reading_ease"); got != 9 {
		t.Errorf("easy text = %d", got)
	}
	if got := score(t, hard, exact, "plume.reading_ease"); got != 3 {
		t.Errorf("hard text = %d", got)
	}
	rep, _ := Analyze(easy, exact)
	if rep.Figures.Flesch <= 60 {
		t.Errorf("easy Flesch = %.1f", rep.Figures.Flesch)
	}
}

func TestMessagesInEnglish(t *testing.T) {
	t.Parallel()
	a := art("voiture", P(french))
	fr, _ := Analyze(a, Options{})
	en, _ := Analyze(a, Options{Lang: "en"})
	for i := range fr.Checks {
		if fr.Checks[i].Message == en.Checks[i].Message {
			t.Errorf("%s: same message in French and English: %q", fr.Checks[i].ID, fr.Checks[i].Message)
		}
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	if _, err := Analyze(nil, Options{}); err == nil {
		t.Error("nil article analysed")
	}
	big := &article.Article{Title: "t", Blocks: []article.Block{P(strings.Repeat("mot ", MaxTextBytes/4+1))}}
	if _, err := Analyze(big, Options{}); err == nil {
		t.Error("oversized article analysed")
	}
	for name, a := range map[string]*article.Article{
		"empty":           {},
		"no title":        {Blocks: []article.Block{P(french)}},
		"one huge para":   {Title: "t", Keyphrase: "mot", Blocks: []article.Block{P(strings.Repeat("mot ", 20000))}},
		"english":         {Title: "t", Blocks: []article.Block{P(english)}},
		"only images":     {Title: "t", Blocks: []article.Block{Img(""), Img("x")}},
		"odd list":        {Title: "t", Blocks: []article.Block{{Kind: article.List, Text: "a\nb"}}},
		"heading level 9": {Title: "t", Blocks: []article.Block{{Kind: article.Heading, Level: 9, Text: "x"}}},
	} {
		rep, err := Analyze(a, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(rep.Checks) == 0 {
			t.Errorf("%s: no checks", name)
		}
	}
}
