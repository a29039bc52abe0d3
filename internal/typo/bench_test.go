package typo

import (
	"strings"
	"testing"
)

// benchArticle builds a Markdown article of about 1,000 words from the
// seeds: front matter, headings and the seed paragraphs as they arrive.
func benchArticle(tb testing.TB) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("---\ntitle: \"Piratage de Microsoft: ce que l'on sait\"\ndescription: Au moins 30000 organisations touchées\n---\n\n")
	words := 0
	for i, s := range seedTexts(tb) {
		b.WriteString("## Source ")
		b.WriteByte(byte('1' + i))
		b.WriteString(" : que savons-nous?\n\n")
		for _, para := range strings.Split(s, "\n") {
			if words >= 1000 {
				break
			}
			if para = strings.TrimSpace(para); para == "" {
				continue
			}
			words += len(strings.Fields(para))
			b.WriteString(para)
			b.WriteString("\n\n")
		}
	}
	if words < 1000 {
		tb.Fatalf("only %d words", words)
	}
	return b.String()
}

func BenchmarkFix(b *testing.B) {
	doc := benchArticle(b)
	st := DefaultStyle()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		Fix(doc, st)
	}
}

func BenchmarkFixMarkdown(b *testing.B) {
	doc := benchArticle(b)
	st := DefaultStyle()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		FixMarkdown(doc, st)
	}
}

func BenchmarkCheck(b *testing.B) {
	doc := benchArticle(b)
	st := DefaultStyle()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		Check(doc, st)
	}
}

// BenchmarkFixClean measures the common case of already correct text.
func BenchmarkFixClean(b *testing.B) {
	st := DefaultStyle()
	doc := Fix(benchArticle(b), st)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		Fix(doc, st)
	}
}
