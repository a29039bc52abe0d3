package facts

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/clean"
)

func loadSeed(t testing.TB, prefix string) Source {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", prefix+"_*.txt"))
	if len(m) != 1 {
		t.Fatalf("seed %s not found", prefix)
	}
	raw, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	doc, err := clean.Text(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	return Source{Name: m[0], Title: doc.Title, Doc: doc}
}

func TestHafniumFigures(t *testing.T) {
	t.Parallel()
	sh := Build([]Source{loadSeed(t, "000"), loadSeed(t, "001"), loadSeed(t, "002")})
	find := func(key, speaker string) bool {
		for _, f := range sh.Figures {
			if f.Figure.Key() == key && strings.Contains(ShortName(f.Speaker), speaker) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct{ key, speaker string }{
		{"count:30000", "le responsable américain"},
		{"count:20000", "Reuters"},
		{"count:30000", "Krebs"},
	} {
		if !find(c.key, c.speaker) {
			t.Errorf("no figure %s stated by %s", c.key, c.speaker)
		}
	}
	disputed := sh.Disputed()
	if len(disputed) == 0 {
		t.Fatal("20 000 (Reuters) vs 30 000 (Krebs) not seen as disputed")
	}
	var seen []string
	for _, f := range disputed[0] {
		seen = append(seen, f.Figure.Text+" ("+ShortName(f.Speaker)+")")
	}
	all := strings.Join(seen, "; ")
	if !strings.Contains(all, "20 000") || !strings.Contains(all, "30 000") {
		t.Errorf("disputed group = %s", all)
	}
}

func TestQuotesAndPronounSpeakers(t *testing.T) {
	t.Parallel()
	sh := Build([]Source{loadSeed(t, "002")})
	var got []string
	for _, q := range sh.Quotes {
		if strings.HasPrefix(q.Text, "Tous ceux qui utilisent ces serveurs") {
			got = append(got, q.Speaker)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "Jennifer Psaki") {
		t.Errorf("speaker of « Tous ceux qui… » (a-t-elle ajouté) = %q; want Jennifer Psaki's", got)
	}
	if q := Quotations("Il a dit « oui » puis « non, jamais »."); len(q) != 2 || q[1].Text != "non, jamais" {
		t.Errorf("Quotations = %+v", q)
	}
}

func TestMajorityName(t *testing.T) {
	t.Parallel()
	sh := Build([]Source{loadSeed(t, "000"), loadSeed(t, "001"), loadSeed(t, "002")})
	for _, s := range sh.Sentences {
		if strings.Contains(s.Text, "Jane Psaki") {
			t.Errorf("« Jane Psaki » left in %q", s.Text)
		}
	}
	if len(sh.Corrections) == 0 || !strings.HasPrefix(sh.Corrections[0], "Jane Psaki → ") {
		t.Errorf("corrections = %q", sh.Corrections)
	}
	// A single source has no majority to follow.
	one := Build([]Source{loadSeed(t, "001")})
	found := false
	for _, s := range one.Sentences {
		found = found || strings.Contains(s.Text, "Jane Psaki")
	}
	if !found {
		t.Error("a lone source's name was changed")
	}
	if got, ok := replaceOutsideQuotes("« Jane Psaki » a dit Jane Psaki.", "Jane Psaki", "Jen Psaki"); !ok || got != "« Jane Psaki » a dit Jen Psaki." {
		t.Errorf("replaceOutsideQuotes = %q", got)
	}
}

// TestSourceLanguage: each source's language is in the sheet, and an
// English source's figures and dates are read with English conventions.
func TestSourceLanguage(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "english", "ridge-fire_en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := clean.Text(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	en := Source{Name: "ridge-fire_en.txt", Doc: doc}
	en.Doc.Language = "" // detected from the text, not taken from the cleaner
	sh := Build([]Source{loadSeed(t, "003"), en})
	if sh.Sources[0].Lang != "fr" || sh.Sources[1].Lang != "en" {
		t.Fatalf("languages %q %q", sh.Sources[0].Lang, sh.Sources[1].Lang)
	}
	if f := sh.Foreign(); len(f) != 1 || f[0] != 1 {
		t.Errorf("Foreign = %v", f)
	}
	keys := map[string]bool{}
	dates := map[string]bool{}
	for _, s := range sh.Sentences {
		if s.Source != 1 {
			continue
		}
		for _, f := range s.Figures {
			keys[f.Key()] = true
		}
		for _, d := range s.Dates {
			dates[d.Key()] = true
		}
	}
	for _, k := range []string{"count:12000", "count:20000", "percent:15:%", "count:1800", "money:25000000:USD", "count:1200000", "money:5000000000:USD"} {
		if !keys[k] {
			t.Errorf("no figure %s in %v", k, keys)
		}
	}
	if keys["count:20"] || keys["count:12"] {
		t.Errorf("English thousands read as decimals: %v", keys)
	}
	for _, k := range []string{"m=06;d=03", "wd=thu", "m=05;phase=mi"} {
		if !dates[k] {
			t.Errorf("no date %s in %v", k, dates)
		}
	}
	// A related source in another language is not the story's.
	rel := en
	rel.Related = true
	if f := Build([]Source{loadSeed(t, "003"), rel}).Foreign(); len(f) != 0 {
		t.Errorf("Foreign with a related English source = %v", f)
	}
}

// A lone source's name follows the related stories when they name the
// same person — same surname and a title in common — otherwise (001's «
// Jane Psaki », « attachée de presse de la Maison Blanche » in 000 too);
// without a common title two first names may be two people, and stay.
func TestNameAlignedWithRelated(t *testing.T) {
	t.Parallel()
	rel := func(s Source) Source { s.Related = true; return s }
	sh := Build([]Source{loadSeed(t, "001"), rel(loadSeed(t, "000")), rel(loadSeed(t, "002"))})
	for _, s := range sh.Story() {
		if t2, _ := replaceOutsideQuotes(s.Text, "Jane Psaki", "X"); t2 != s.Text {
			t.Errorf("« Jane Psaki » left in %q", s.Text)
		}
	}
	if !slices.ContainsFunc(sh.Corrections, func(c string) bool { return strings.HasPrefix(c, "Jane Psaki → ") }) {
		t.Errorf("corrections = %q", sh.Corrections)
	}
	for _, q := range sh.Quotes {
		if strings.Contains(q.Speaker, "Jane") {
			t.Errorf("quotation speaker %q not corrected", q.Speaker)
		}
	}
	story := Source{Name: "story", Doc: mustText(t, "Jill Biden, la première dame des États-Unis, a visité une école mardi à Paris. Jill Biden a salué les enseignants.")}
	other := Source{Name: "other", Related: true, Doc: mustText(t, "Joe Biden, le président des États-Unis, a signé un décret lundi. Joe Biden a ensuite quitté Washington.")}
	two := Build([]Source{story, other})
	if len(two.Corrections) > 0 {
		t.Errorf("two people with one surname and no title in common were merged: %q", two.Corrections)
	}
}

func mustText(t *testing.T, s string) *clean.Document {
	t.Helper()
	d, err := clean.Text(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A unit keeps a quotation of several sentences whole, and a piece that
// starts in lower case with the sentence before it (003's « …
// américain. jeudi a montré. »).
func TestUnits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"« Un. Deux », a-t-il dit. Trois.", []string{"« Un. Deux », a-t-il dit.", "Trois."}},
		{"Une directive publiée par l’organisme américain. jeudi a montré. Elle vise Microsoft.",
			[]string{"Une directive publiée par l’organisme américain. jeudi a montré.", "Elle vise Microsoft."}},
		{"Il est venu. 3 jours plus tard, il est reparti.", []string{"Il est venu.", "3 jours plus tard, il est reparti."}},
	} {
		var got []string
		for _, u := range Units(c.in) {
			got = append(got, u.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Units(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
