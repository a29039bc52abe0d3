package extract

import (
	"bytes"
	"os"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// BenchmarkFromHTML and BenchmarkTrafilaturaOnly run on the same page so
// that their ratio checks plume's budget: FromHTML within 1.2× of
// go-trafilatura alone (default options).
func BenchmarkFromHTML(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := FromHTML(bytes.NewReader(raw), "https://courrier-du-val.example/a"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrafilaturaOnly(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBrowserText(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := BrowserText(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}
