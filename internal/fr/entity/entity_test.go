package entity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/fr/token"
)

// goldEntity is one hand-annotated entity of testdata/seeds.json.
type goldEntity struct {
	Canonical string   `json:"canonical"`
	Type      string   `json:"type"`
	Variants  []string `json:"variants"`
}

// article reads one cleaned seed article (testdata/articles, the output of
// plume clean on the five seeds) as sentences; Markdown heading marks go.
func article(tb testing.TB, name string) []string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "articles", name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	text := strings.ReplaceAll(string(b), "## ", "")
	var out []string
	for _, s := range token.Sentences(text) {
		out = append(out, s.Text)
	}
	return out
}

func loadGold(t *testing.T) map[string][]goldEntity {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string][]goldEntity
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("seeds.json: %v", err)
	}
	return gold
}

// matches reports whether a found entity is the annotated one: same type,
// and the canonical form of one is a form of the other.
func matches(e Entity, g goldEntity) bool {
	if e.Type.String() != g.Type {
		return false
	}
	gk := map[string]bool{key(g.Canonical): true}
	for _, v := range g.Variants {
		gk[key(v)] = true
	}
	if gk[key(e.Canonical)] {
		return true
	}
	for _, v := range e.Variants {
		if key(v) == key(g.Canonical) {
			return true
		}
	}
	return false
}

// TestSeedsPrecisionRecall runs Extract on the five seed articles and
// compares with the hand annotation. An annotated entity found split in two
// counts once as found and once as a false positive, so grouping is
// measured too.
func TestSeedsPrecisionRecall(t *testing.T) {
	t.Parallel()
	gold := loadGold(t)
	names := make([]string, 0, len(gold))
	for n := range gold {
		names = append(names, n)
	}
	sort.Strings(names)
	var found, correct, annotated, recalled, variants, variantsFound int
	for _, n := range names {
		got := Extract(article(t, n))
		used := make([]bool, len(got))
		for _, g := range gold[n] {
			annotated++
			hit := -1
			for i, e := range got {
				if !used[i] && matches(e, g) {
					hit = i
					break
				}
			}
			if hit < 0 {
				t.Logf("%s: missed %s %q", n, g.Type, g.Canonical)
				variants += len(g.Variants)
				continue
			}
			used[hit] = true
			recalled++
			have := map[string]bool{}
			for _, v := range got[hit].Variants {
				have[key(v)] = true
			}
			for _, v := range g.Variants {
				variants++
				if have[key(v)] {
					variantsFound++
				} else {
					t.Logf("%s: %q lacks variant %q (has %q)", n, got[hit].Canonical, v, got[hit].Variants)
				}
			}
		}
		for i, e := range got {
			found++
			if used[i] {
				correct++
			} else {
				t.Logf("%s: spurious %s %q %q", n, e.Type, e.Canonical, e.Variants)
			}
		}
	}
	p := float64(correct) / float64(max(found, 1))
	r := float64(recalled) / float64(max(annotated, 1))
	v := float64(variantsFound) / float64(max(variants, 1))
	t.Logf("entities: precision %.3f (%d/%d), recall %.3f (%d/%d), F1 %.3f; variants found %.3f (%d/%d)",
		p, correct, found, r, recalled, annotated, 2*p*r/max(p+r, 1e-9), v, variantsFound, variants)
	if p < 0.85 || r < 0.85 {
		t.Errorf("precision %.3f, recall %.3f: want both ≥ 0.85", p, r)
	}
	if v < 0.85 {
		t.Errorf("variants found %.3f: want ≥ 0.85", v)
	}
}
