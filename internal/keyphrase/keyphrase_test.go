package keyphrase_test

import (
	"testing"

	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/write/writertest"
)

func seedSentences(t testing.TB, prefixes ...string) ([]string, string, []string) {
	t.Helper()
	sh := writertest.Sheet(t, prefixes)
	var out, titles []string
	for _, src := range sh.Sources {
		titles = append(titles, src.Title)
	}
	if titles[0] != "" {
		out = append(out, titles[0])
	}
	for _, s := range sh.Sentences {
		out = append(out, s.Text)
	}
	return out, sh.Sentences[0].Text, titles
}

func TestChooseSeeds(t *testing.T) {
	t.Parallel()
	for _, seeds := range [][]string{{"000"}, {"001"}, {"002"}, {"003"}, {"004"}, {"000", "001", "002"}} {
		sents, lead, titles := seedSentences(t, seeds...)
		c, ok := keyphrase.Choose(sents, keyphrase.Options{Lead: lead, Titles: titles, MinSentences: 3, Exclude: map[string]bool{"cnn": true, "reuters": true}})
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

func TestChooseTheTopic(t *testing.T) {
	t.Parallel()
	sents := []string{
		"La voiture électrique gagne du terrain en France.",
		"Les ventes de voiture électrique ont doublé en un an, selon les constructeurs.",
		"Le prix de la voiture électrique reste un frein pour les ménages.",
		"Le gouvernement prolonge le bonus pour la voiture électrique.",
		"Les bornes de recharge restent rares dans les campagnes.",
	}
	cands := keyphrase.YAKE(sents, keyphrase.IsStop)
	if len(cands) == 0 {
		t.Fatal("no candidate")
	}
	// YAKE alone favours the first sentence's words in a text this short
	// (its position feature); the counts that Choose filters on must be
	// right.
	found := false
	for _, c := range cands {
		if c.Keyphrase() == "voiture électrique" {
			found = true
			if c.Count != 4 || c.Sentences != 4 {
				t.Errorf("« voiture électrique » counted %d times in %d sentences; want 4 and 4", c.Count, c.Sentences)
			}
		}
	}
	if !found {
		t.Error("« voiture électrique » is not a candidate")
	}
	c, ok := keyphrase.Choose(sents, keyphrase.Options{Lead: sents[0], MinSentences: 3})
	if !ok || c.Keyphrase() != "voiture électrique" {
		t.Errorf("Choose = %q, %v", c.Keyphrase(), ok)
	}
	// Excluded words never make a keyphrase.
	c, ok = keyphrase.Choose(sents, keyphrase.Options{Lead: sents[0], MinSentences: 1, Exclude: map[string]bool{"voiture": true}})
	if ok && (c.Keyphrase() == "voiture électrique" || c.Words[0] == "voiture") {
		t.Errorf("excluded word chosen: %q", c.Keyphrase())
	}
	for _, w := range []string{"de", "la", "ont", "selon", "déclaré"} {
		if !keyphrase.IsStop(w) {
			t.Errorf("IsStop(%q) = false", w)
		}
	}
	for _, w := range []string{"piratage", "Microsoft", "électrique", "Hafnium"} {
		if keyphrase.IsStop(w) {
			t.Errorf("IsStop(%q) = true", w)
		}
	}
}
