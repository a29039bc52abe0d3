package typo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedTexts returns the seed articles of the repository's testdata/seeds.
func seedTexts(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no seeds in testdata/seeds: %v", err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("read seed: %v", err)
		}
		out = append(out, string(b))
	}
	return out
}

func addCorpus(f *testing.F) {
	for _, c := range fixCases {
		f.Add(v(c.in))
	}
	for _, s := range seedTexts(f) {
		f.Add(s)
		for _, para := range strings.Split(s, "\n\n") {
			f.Add(para)
		}
	}
	for _, s := range []string{"\"a \"b\" c\"", "« a \"b » c\"", "``a ''b'' c''", "a\r\nb", "x :\n:", "[ ] - [x]", "“« ” »"} {
		f.Add(s)
	}
}

// checkInvariants asserts what Fix promises for any input.
func checkInvariants(t *testing.T, in string, fix func(string, Style) string, st Style) {
	got := fix(in, st)
	if again := fix(got, st); again != got {
		t.Fatalf("not idempotent:\n in  %q\n out %q\n out2 %q", vis(in), vis(got), vis(again))
	}
	if !st.Ordinals && letters(got) != letters(in) {
		t.Fatalf("letters or digits changed:\n in  %q\n out %q", in, got)
	}
	if strings.Count(got, "\n") != strings.Count(in, "\n") {
		t.Fatalf("line count changed:\n in  %q\n out %q", in, got)
	}
}

// FuzzFix checks, on any input, that Fix is idempotent, keeps every letter
// and digit in order (ordinal rewriting off), keeps the lines, and that
// Check describes exactly what Fix does.
func FuzzFix(f *testing.F) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, in string) {
		st := DefaultStyle()
		st.Ordinals = false
		checkInvariants(t, in, Fix, st)
		if got, want := Apply(in, Check(in, st)), Fix(in, st); got != want {
			t.Fatalf("Apply(Check) != Fix:\n in  %q\n got %q\nwant %q", vis(in), vis(got), vis(want))
		}
		// With ordinals on, Fix stays idempotent.
		st.Ordinals = true
		if got := Fix(in, st); Fix(got, st) != got {
			t.Fatalf("not idempotent with ordinals: %q -> %q", vis(got), vis(Fix(got, st)))
		}
	})
}

// FuzzFixMarkdown checks, on any document, that FixMarkdown is idempotent,
// keeps letters, digits and lines, and that CheckMarkdown describes it.
func FuzzFixMarkdown(f *testing.F) {
	addCorpus(f)
	f.Add(v("---\ntitle: \"L'État: oui\"\n---\n# Titre?\n\n- a : b\n```\nx\n```\n    code\n<pre>\nl'a\n</pre>\n| a | b |\n|---|---|\n"))
	f.Add("> \"a\nb\" [x](y 'z') ![i](j)\n\n<!--\nc\n-->\n")
	f.Fuzz(func(t *testing.T, in string) {
		st := DefaultStyle()
		st.Ordinals = false
		checkInvariants(t, in, FixMarkdown, st)
		if got, want := Apply(in, CheckMarkdown(in, st)), FixMarkdown(in, st); got != want {
			t.Fatalf("Apply(CheckMarkdown) != FixMarkdown:\n in  %q\n got %q\nwant %q", vis(in), vis(got), vis(want))
		}
	})
}
