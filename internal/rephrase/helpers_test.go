package rephrase

import (
	"os"
	"strings"
	"testing"
)

// seedSentences returns the sentences of the five seed articles.
func seedSentences(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("testdata/seed_sentences.txt")
	if err != nil {
		tb.Fatalf("read seed sentences: %v", err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// guillemetQuotes returns every « … » quotation of s, marks included.
func guillemetQuotes(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "«")
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], "»")
		if j < 0 {
			return out
		}
		out = append(out, s[i:i+j+len("»")])
		s = s[i+j+len("»"):]
	}
}

// checkKeepsFacts fails when out lost a digit sequence or a « » quotation
// of in: the invariant every operation promises.
func checkKeepsFacts(t *testing.T, in, out string) {
	t.Helper()
	have := map[string]int{}
	for _, d := range digitRuns(out) {
		have[d]++
	}
	for _, d := range digitRuns(in) {
		if have[d] == 0 {
			t.Fatalf("figure %q lost:\n in: %q\nout: %q", d, in, out)
		}
		have[d]--
	}
	for _, q := range guillemetQuotes(in) {
		if strings.Count(out, q) < strings.Count(in, q) {
			t.Fatalf("quotation %q changed:\n in: %q\nout: %q", q, in, out)
		}
	}
}
