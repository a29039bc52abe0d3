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
	paths, _ := filepath.Glob("testdata/*.md")
	more, _ := filepath.Glob("../rewrite/testdata/golden/*.md")
	for _, p := range append(paths, more...) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(src)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
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
