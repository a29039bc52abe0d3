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
