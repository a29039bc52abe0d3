package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
)

func seedArticles(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.md")
	more, _ := filepath.Glob("testdata/*.html")
	for _, p := range append(paths, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), "voiture électrique")
		}
	}
	f.Add("# T\n\nL’État a été « saisi » ? oui… M. X !", `"de la"`)
	f.Add("<p>only</p><h2></h2><img alt=''>", "«»")
	f.Add("", "")
}

var validScores = map[int]bool{-999: true, -50: true, -20: true, -10: true}

// FuzzAnalyze runs the whole analysis on arbitrary articles in both modes:
// no panic, every score in range, every shown result with a message.
func FuzzAnalyze(f *testing.F) {
	seedArticles(f)
	f.Fuzz(func(t *testing.T, src, kp string) {
		a, err := article.Parse([]byte(src))
		if err != nil {
			return
		}
		for _, m := range []Mode{Forms, Exact} {
			rep, err := Analyze(a, Options{Mode: m, Keyphrase: kp, MinWords: 10})
			if err != nil {
				if len(src) > MaxTextBytes {
					continue
				}
				t.Fatalf("Analyze: %v", err)
			}
			for _, r := range rep.Checks {
				if (r.Score < 0 || r.Score > 9) && !validScores[r.Score] {
					t.Errorf("%s: score %d", r.ID, r.Score)
				}
				if r.Message == "" || !utf8.ValidString(r.Message) {
					t.Errorf("%s: bad message %q", r.ID, r.Message)
				}
				if r.Rating != RatingOf(r.Score) {
					t.Errorf("%s: rating %s for %d", r.ID, r.Rating, r.Score)
				}
			}
			if r := rep.ReadabilityScore; r != 0 && r != 30 && r != 60 && r != 90 {
				t.Errorf("readability %d", r)
			}
		}
	})
}

// FuzzSentences checks that Yoast-style sentence splitting keeps every
// non-blank character, in order.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Un. Deux ! Trois ?", "« Bonjour. » Puis…", "M. X", "3.5 . .. ?!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := strings.Join(yoastSentences(s), "")
		if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(s), "") {
			t.Errorf("yoastSentences(%q) lost text: %q", s, got)
		}
	})
}
