package cluster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/clean"
)

// FuzzExtract feeds arbitrary text through clean.Text to Extract and checks
// that the features are well formed and that adding them never panics.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 4000 {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", "a b", "Le 2 avril 2024, M. Jean Dupont (CISA) a vu 30 000 pirates.",
		"\xff\xfe«»", "Microsoft Microsoft Microsoft", "1 2 3 4 5 6 7 8 9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := clean.Text(text)
		if err != nil {
			return
		}
		ft := Extract(doc)
		if len(ft.Signature) != 0 && len(ft.Signature) != NumHashes {
			t.Fatalf("signature of %d hashes", len(ft.Signature))
		}
		for _, s := range [][]string{ft.EntityKeys, ft.Figures, ft.Dates, ft.Terms} {
			for i := 1; i < len(s); i++ {
				if s[i-1] >= s[i] {
					t.Fatalf("not sorted and unique: %q", s)
				}
			}
		}
		c, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		c.Add(1, ft)
		if _, isNew := c.Add(2, ft); isNew && len(ft.Signature) == NumHashes {
			t.Fatalf("a copy of itself started a new story")
		}
	})
}

// FuzzExtractDocument builds the document directly (a title and blocks cut
// at blank lines), so that the fuzzer spends its time in Extract and the
// French kit rather than in the cleaner.
func FuzzExtractDocument(f *testing.F) {
	for _, s := range []string{"", "Titre\n\nLe 2 avril 2024, Mme Anne Martin (ANSSI) a compté 1,2 million de victimes.",
		"\xff\xfe«»\n\n-", "Storm-0558 Storm-0558\n\n12,5 % 5 millions de dollars"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		parts := strings.Split(text, "\n\n")
		doc := &clean.Document{Title: parts[0], Date: parts[0]}
		for _, p := range parts[1:] {
			doc.Blocks = append(doc.Blocks, clean.Block{Kind: clean.Paragraph, Text: p})
		}
		ft := Extract(doc)
		c, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		c.Add(1, ft)
		c.Add(2, ft)
		if _, err := c.Related(1, 3); err != nil {
			t.Fatal(err)
		}
	})
}
