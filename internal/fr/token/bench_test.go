package token

import (
	"strings"
	"testing"
)

// benchText is about 1,000 words of French news copy: seeds 002 and 003.
func benchText(b *testing.B) string {
	b.Helper()
	return readSeed(b, "002_51142fb75a9e2d2c.txt") + "\n\n" + readSeed(b, "003_42884da85b922804.txt")
}

func BenchmarkSentences(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if len(Sentences(text)) == 0 {
			b.Fatal("no sentences")
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if len(Tokenize(text)) == 0 {
			b.Fatal("no tokens")
		}
	}
}

func BenchmarkCountWords(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if CountWords(text) == 0 {
			b.Fatal("no words")
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if strings.TrimSpace(Normalize(text)) == "" {
			b.Fatal("empty")
		}
	}
}

func TestBenchTextSize(t *testing.T) {
	t.Parallel()
	text := readSeed(t, "002_51142fb75a9e2d2c.txt") + "\n\n" + readSeed(t, "003_42884da85b922804.txt")
	if n := CountWords(text); n < 900 || n > 1100 {
		t.Errorf("benchmark text has %d words, want about 1,000", n)
	}
}
