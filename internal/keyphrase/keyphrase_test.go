package keyphrase

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/facts"
)

func seedSentences(t testing.TB, prefixes ...string) ([]string, string, []string) {
	t.Helper()
	var sources []facts.Source
	for _, p := range prefixes {
		m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", p+"_*.txt"))
		raw, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		doc, err := clean.Text(string(raw))
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, facts.Source{Doc: doc, Title: doc.Title})
	}
	sh := facts.Build(sources)
	var out []string
	if sources[0].Title != "" {
		out = append(out, sources[0].Title)
	}
	for _, s := range sh.Sentences {
		out = append(out, s.Text)
	}
	var titles []string
	for _, s := range sources {
		titles = append(titles, s.Title)
	}
	return out, sh.Sentences[0].Text, titles
}

func TestChooseSeeds(t *testing.T) {
	t.Parallel()
	for _, seeds := range [][]string{{"000"}, {"001"}, {"002"}, {"003"}, {"004"}, {"000", "001", "002"}} {
		sents, lead, titles := seedSentences(t, seeds...)
		c, ok := Choose(sents, Options{Lead: lead, Titles: titles, MinSentences: 3, Exclude: map[string]bool{"cnn": true, "reuters": true}})
		if !ok {
			t.Errorf("%v: no keyphrase", seeds)
			continue
		}
		t.Logf("%v: %q (score %.4f, %d sentences)", seeds, c.Keyphrase(), c.Score, c.Sentences)
		if len(c.Words) < 1 || len(c.Words) > 4 || c.Sentences < 3 {
			t.Errorf("%v: %+v", seeds, c)
		}
	}
}
