package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata")

// TestGolden analyses the sample articles of testdata and compares the text
// and JSON reports with the golden files (regenerate with -update, then
// review the diff as code).
func TestGolden(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.md")
	more, _ := filepath.Glob("testdata/*.html")
	paths = append(paths, more...)
	if len(paths) < 3 {
		t.Fatalf("want ≥ 3 sample articles, got %d", len(paths))
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(src)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, v := range []struct {
			suffix string
			opts   Options
			json   bool
		}{
			{".fr.golden", Options{}, false},
			{".en.golden", Options{Lang: "en", MinWords: 300}, false},
			{".exact.json.golden", Options{Mode: Exact}, true},
		} {
			rep, err := Analyze(a, v.opts)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			var buf bytes.Buffer
			if v.json {
				err = rep.WriteJSON(&buf)
			} else {
				err = rep.WriteText(&buf)
			}
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(p, filepath.Ext(p)) + v.suffix
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the report:\n%s", golden, buf.String())
			}
		}
	}
}

// AnalyzeBoth reads the article once and gives, in each mode, the report
// Analyze gives in that mode: every result, hidden ones included, the
// scores and the figures.
func TestAnalyzeBoth(t *testing.T) {
	t.Parallel()
	for p, a := range goldenArticles(t) {
		opts := Options{MinWords: 700}
		forms, exact, err := AnalyzeBoth(a, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []struct {
			mode Mode
			got  *Report
		}{{Forms, forms}, {Exact, exact}} {
			o := opts
			o.Mode = m.mode
			want, err := Analyze(a, o)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(m.got.All(), want.All()) || m.got.Figures != want.Figures ||
				m.got.SEOScore != want.SEOScore || m.got.ReadabilityScore != want.ReadabilityScore {
				t.Errorf("%s, mode %d: AnalyzeBoth differs from Analyze", p, m.mode)
			}
		}
	}
}

// testStore is a Memoizer, as a facts.Sheet is.
type testStore map[any]any

func (s testStore) Memo(key any, f func() any) any {
	if v, ok := s[key]; ok {
		return v
	}
	s[key] = f()
	return s[key]
}

// A Memo changes no verdict: every golden article analysed with one
// shared Memo — each twice, the second time from the Memo's readings —
// gives the reports it gives without.
func TestMemoChangesNothing(t *testing.T) {
	t.Parallel()
	store := testStore{}
	memo := MemoOf(store)
	if MemoOf(store) != memo {
		t.Fatal("MemoOf made a second Memo for one store")
	}
	for p, a := range goldenArticles(t) {
		wantF, wantE, err := AnalyzeBoth(a, Options{MinWords: 700})
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			gotF, gotE, err := AnalyzeBoth(a, Options{MinWords: 700, Memo: memo})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotF.All(), wantF.All()) || !reflect.DeepEqual(gotE.All(), wantE.All()) ||
				gotF.ReadabilityScore != wantF.ReadabilityScore || gotE.ReadabilityScore != wantE.ReadabilityScore {
				t.Errorf("%s: the analysis with a Memo differs", p)
			}
		}
	}
	if memo.passive.Len() == 0 || memo.transition.Len() == 0 {
		t.Error("the Memo kept nothing")
	}
}

// goldenArticles reads the package's test articles and the offline
// writer's golden articles, by path.
func goldenArticles(t *testing.T) map[string]*article.Article {
	t.Helper()
	paths, _ := filepath.Glob("testdata/*.md")
	more, _ := filepath.Glob("../rewrite/testdata/golden/*.md")
	out := map[string]*article.Article{}
	for _, p := range append(paths, more...) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(src)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[p] = a
	}
	if len(out) == 0 {
		t.Fatal("no golden article")
	}
	return out
}
