package serve

import (
	"testing"
)

// BenchmarkAnalyze scores the article written from seed 004 through the
// whole handler stack (middleware, JSON in and out).
func BenchmarkAnalyze(b *testing.B) {
	h := New(Options{}).Handler()
	md := decodeResult(b, call(b, h, "POST", "/api/v1/rewrite", map[string]any{"text": seed(b, "004")}).Body.Bytes()).Markdown
	body := map[string]any{"text": md}
	b.ReportAllocs()
	for b.Loop() {
		if w := call(b, h, "POST", "/api/v1/analyze", body); w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkRewrite writes seed 004 with the offline writer through the
// handler stack, without a store.
func BenchmarkRewrite(b *testing.B) {
	h := New(Options{}).Handler()
	body := map[string]any{"text": seed(b, "004")}
	b.ReportAllocs()
	for b.Loop() {
		if w := call(b, h, "POST", "/api/v1/rewrite", body); w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
