package token

import (
	"os"
	"path/filepath"
	"testing"
)

// addFuzzSeeds seeds a fuzz target with every test case and seed article.
func addFuzzSeeds(f *testing.F) {
	for _, tc := range sentenceCases {
		f.Add(tc.in)
	}
	for _, tc := range tokenCases {
		f.Add(tc.in)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "seeds", "*.txt"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
}

func FuzzSentences(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		spans := Sentences(in)
		checkSpans(t, in, spans)
		// No sentence boundary may cut a token.
		toks := Tokenize(in)
		si := 0
		for _, x := range toks {
			for si < len(spans) && spans[si].End <= x.Start {
				si++
			}
			if si == len(spans) || x.Start < spans[si].Start || x.End > spans[si].End {
				t.Fatalf("token %q [%d,%d) is not inside one sentence", x.Text, x.Start, x.End)
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		toks := Tokenize(in)
		checkTokens(t, in, toks)
		words := Words(in)
		n := 0
		for _, x := range toks {
			if x.Kind.IsWord() {
				n++
			}
		}
		if len(words) != n {
			t.Fatalf("Words gave %d words, Tokenize %d word tokens", len(words), n)
		}
		if y, a := CountWords(in), CountAlnumWords(in); a > y || y < 0 {
			t.Fatalf("CountAlnumWords %d > CountWords %d", a, y)
		}
	})
}
