package evalclean

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Le Maire a parlé.", "l’État re\u00ADfor\u00ADme", "e\u0301te\u0301", "30 000 €", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, tok := range Tokens(s) {
			if tok == "" || strings.ContainsFunc(tok, unicode.IsSpace) || strings.ContainsRune(tok, '\u00AD') {
				t.Fatalf("bad token %q from %q", tok, s)
			}
		}
		toks := Tokens(s)
		if ov := Overlap(toks, toks); ov != len(toks) {
			t.Fatalf("self overlap %d of %d", ov, len(toks))
		}
		if p := Normalize(s); strings.ContainsFunc(p, unicode.IsSpace) {
			t.Fatalf("Normalize kept whitespace: %q", p)
		}
	})
}

func FuzzParseTruth(f *testing.F) {
	f.Add(`{"kind":"segments","must_contain":["a"],"must_not_contain":["b"]}`)
	f.Add(`{"kind":"prefix","starts_with":"Le"}`)
	f.Add(`{"kind":`)
	f.Fuzz(func(t *testing.T, s string) {
		tr, err := parseTruth([]byte(s))
		if err == nil && tr.Kind != "segments" && tr.Kind != "prefix" && tr.Kind != "prefix_words" {
			t.Fatalf("accepted kind %q", tr.Kind)
		}
	})
}
