package render

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

// longArticle repeats the sample's body until it holds at least words
// words, the size of a plume article.
func longArticle(b *testing.B, words int) *article.Article {
	b.Helper()
	a := loadArticle(b, "sample.json")
	body := a.Blocks
	a.Blocks = nil
	for len(strings.Fields(PlainText(a))) < words {
		a.Blocks = append(a.Blocks, body...)
	}
	return a
}

func BenchmarkMarkdown(b *testing.B) {
	a := longArticle(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		Markdown(a)
	}
}

func BenchmarkHTML(b *testing.B) {
	a := longArticle(b, 1000)
	opts := HTMLOptions{Author: "Rédaction", Publisher: "Exemple"}
	b.ReportAllocs()
	for b.Loop() {
		HTML(a, opts)
	}
}

func BenchmarkJSONLD(b *testing.B) {
	a := longArticle(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := JSONLD(a, HTMLOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlainText(b *testing.B) {
	a := longArticle(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		PlainText(a)
	}
}
