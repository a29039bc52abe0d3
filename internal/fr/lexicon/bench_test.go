package lexicon

import (
	"runtime"
	"testing"
)

// benchWords mixes frequent news words, inflected forms and misses.
var benchWords = []string{"le", "organisations", "a", "été", "touchées", "américains",
	"sécurité", "Pékin", "l’", "du", "gouvernement", "annoncé", "xyzzyq", "piratage",
	"informatique", "président", "selon", "entreprises", "Le", "ministère"}

// BenchmarkParse measures loading: decompressing and building the
// look-up structures, as Default does once. MB-live is the heap one loaded
// lexicon keeps (the lemma index, built on first Forms call, excluded).
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	var keep *Lexicon
	for b.Loop() {
		l, err := Parse(embedded)
		if err != nil {
			b.Fatal(err)
		}
		keep = l
	}
	b.StopTimer()
	var before, after runtime.MemStats
	keep = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	keep, _ = Parse(embedded)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-live")
	runtime.KeepAlive(keep)
}

func BenchmarkLookup(b *testing.B) {
	l := mustDefault(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = l.Lookup(benchWords[i%len(benchWords)])
		i++
	}
}

func BenchmarkAppendLookup(b *testing.B) {
	l := mustDefault(b)
	buf := make([]Analysis, 0, 64)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		buf = l.AppendLookup(buf[:0], benchWords[i%len(benchWords)])
		i++
	}
}

func BenchmarkTagSet(b *testing.B) {
	l := mustDefault(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = l.TagSet(benchWords[i%len(benchWords)])
		i++
	}
}

func BenchmarkHas(b *testing.B) {
	l := mustDefault(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = l.Has(benchWords[i%len(benchWords)])
		i++
	}
}

func BenchmarkLookupFold(b *testing.B) {
	l := mustDefault(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = l.LookupFold(benchWords[i%len(benchWords)])
		i++
	}
}

func BenchmarkForms(b *testing.B) {
	l := mustDefault(b)
	l.Forms("toucher") // build the lemma index outside the loop
	b.ReportAllocs()
	for b.Loop() {
		_ = l.Forms("toucher")
	}
}

func mustDefault(tb testing.TB) *Lexicon {
	tb.Helper()
	l, err := LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	return l
}
