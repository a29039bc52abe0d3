package facts

import (
	"os"
	"path/filepath"
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
