// Package writertest is the conformance suite every plume writer must
// pass, offline or LLM: given the plans of the seed stories, a writer must
// produce an article with a title, SEO fields, a lead, unique subheadings,
// French text in every part, and nothing the sources do not support.
//
// Writers call [Exercise] from their own tests, in the manner of River's
// driver test suite.
package writertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write"
)

// Story is one story of the suite: seed prefixes of its sources.
type Story struct {
	Name  string
	Seeds []string
}

// Stories are the seed stories every writer is exercised on.
var Stories = []Story{
	{"hafnium-3-sources", []string{"000", "001", "002"}},
	{"midnight-blizzard", []string{"003"}},
	{"storm-0558", []string{"004"}},
}

// SeedDir is where the seeds are, relative to a package directory two
// levels below the repository root (internal/x); callers elsewhere set it.
var SeedDir = filepath.Join("..", "..", "testdata", "seeds")

// Sheet cleans the seeds of a story and builds its fact sheet.
func Sheet(t testing.TB, seeds []string) *facts.Sheet {
	t.Helper()
	return SheetRelated(t, seeds, nil)
}

// SheetRelated is Sheet with related stories, as --corpus gives them.
func SheetRelated(t testing.TB, seeds, related []string) *facts.Sheet {
	t.Helper()
	var paths []string
	for _, p := range append(append([]string{}, seeds...), related...) {
		m, _ := filepath.Glob(filepath.Join(SeedDir, p+"_*.txt"))
		if len(m) != 1 {
			t.Fatalf("seed %s not found in %s", p, SeedDir)
		}
		paths = append(paths, m[0])
	}
	return sheetOf(t, paths, len(seeds))
}

// EnglishStory is the English wire story of the tests (a wildfire in
// California, written for plume), relative to a package directory two
// levels below the repository root.
var EnglishStory = filepath.Join("..", "..", "testdata", "english", "ridge-fire_en.txt")

// SheetOf cleans the files at paths, the sources of one story, and builds
// its fact sheet.
func SheetOf(t testing.TB, paths ...string) *facts.Sheet {
	t.Helper()
	return sheetOf(t, paths, len(paths))
}

// sheetOf builds the fact sheet of paths, the first own of them the
// story's sources and the others related stories.
func sheetOf(t testing.TB, paths []string, own int) *facts.Sheet {
	t.Helper()
	var srcs []facts.Source
	for i, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := clean.Text(string(raw))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, facts.Source{Name: p, Title: doc.Title, Doc: doc, Related: i >= own})
	}
	return facts.Build(srcs)
}

// Exercise runs the suite against a writer.
func Exercise(t *testing.T, w write.Writer) {
	t.Helper()
	for _, st := range Stories {
		t.Run(st.Name, func(t *testing.T) {
			sh := Sheet(t, st.Seeds)
			p := plan.Build(sh, plan.Options{MinWords: 700})
			d, err := w.Write(context.Background(), p, sh)
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			checkDraft(t, d, p, sh)
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		sh := Sheet(t, Stories[1].Seeds)
		p := plan.Build(sh, plan.Options{MinWords: 700})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := w.Write(ctx, p, sh); err == nil {
			t.Error("Write ignored a cancelled context")
		}
	})
}

func checkDraft(t *testing.T, d *write.Draft, p *plan.Plan, sh *facts.Sheet) {
	t.Helper()
	a := d.Article
	if a == nil {
		t.Fatal("draft has no article")
	}
	for name, v := range map[string]string{"title": a.Title, "seo title": a.SEOTitle, "meta description": a.MetaDescription, "slug": a.Slug, "keyphrase": a.Keyphrase, "lead": d.Lead} {
		if strings.TrimSpace(v) == "" {
			t.Errorf("empty %s", name)
		}
	}
	if n := len([]rune(a.MetaDescription)); n > 156 {
		t.Errorf("meta description has %d characters (> 156): %q", n, a.MetaDescription)
	}
	for _, r := range a.Slug {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			t.Errorf("slug %q is not ASCII lower case with hyphens", a.Slug)
			break
		}
	}
	seen := map[string]bool{}
	h2 := 0
	var texts []string
	texts = append(texts, a.Title)
	for _, b := range a.Blocks {
		switch b.Kind {
		case article.Heading:
			key := strings.ToLower(b.Text)
			if seen[key] {
				t.Errorf("duplicate heading %q", b.Text)
			}
			seen[key] = true
			if b.Level == 2 {
				h2++
			}
			if len([]rune(b.Text)) > 70 {
				t.Errorf("heading longer than 70 characters: %q", b.Text)
			}
		case article.List:
			texts = append(texts, b.Items...)
			continue
		}
		if b.Text != "" {
			texts = append(texts, b.Text)
		}
	}
	if h2 < 2 {
		t.Errorf("%d H2 subheadings; want at least 2", h2)
	}
	if len(d.Sections) == 0 {
		t.Error("no section described")
	}
	for _, s := range d.Sections {
		if s.Writer == "" || s.Kind == "" {
			t.Errorf("section %+v lacks its writer or kind", s)
		}
	}
	body := strings.Join(texts, "\n")
	if lang := langid.Detect(body).Lang; lang != langid.French {
		t.Errorf("article language %q", lang)
	}
	if r := fidelity.Check(texts, sh); !r.OK() {
		t.Errorf("fidelity: unsupported %+v, quotes altered %+v", r.Unsupported, r.QuotesAltered)
	}
	if p.Keyphrase != a.Keyphrase {
		t.Errorf("keyphrase %q differs from the plan's %q", a.Keyphrase, p.Keyphrase)
	}
}
