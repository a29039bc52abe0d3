package cluster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/source"
)

// seedsDir holds the project's five example inputs, part of the repository.
const seedsDir = "../../testdata/seeds"

// corpusDir is the shared corpus of 21 French pages, present on the team's
// machines and absent from a plain clone.
const corpusDir = "../../../shared/corpus"

// seedFeatures returns the features of the seeds by their three-digit
// prefix ("000"…"004").
func seedFeatures(t testing.TB) map[string]Features {
	t.Helper()
	out := map[string]Features{}
	for name, doc := range seedDocMap(t) {
		out[name] = Extract(doc)
	}
	return out
}

// seedDocs returns the cleaned seeds in file order.
func seedDocs(t testing.TB) []*clean.Document {
	m := seedDocMap(t)
	var out []*clean.Document
	for _, k := range []string{"000", "001", "002", "003", "004"} {
		out = append(out, m[k])
	}
	return out
}

func seedDocMap(t testing.TB) map[string]*clean.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %d files, err %v", len(files), err)
	}
	out := map[string]*clean.Document{}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := clean.Text(string(b))
		if err != nil {
			t.Fatalf("clean %s: %v", p, err)
		}
		out[filepath.Base(p)[:3]] = doc
	}
	return out
}

// corpusFeatures returns the features of the shared corpus pages by folder
// name, skipping the test when the corpus is absent.
func corpusFeatures(t testing.TB) (names []string, fs []Features) {
	t.Helper()
	dirs, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Skipf("shared corpus absent: %v", err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		p := filepath.Join(corpusDir, d.Name(), "raw.html")
		if _, err := os.Stat(p); err != nil {
			continue
		}
		names = append(names, d.Name())
		fs = append(fs, htmlFeatures(t, p))
	}
	return names, fs
}

// pageFeatures returns the features of two unrelated French pages of the
// shared corpus (../shared beside the repository), which stays out of the
// repository; tests that need them skip without it.
func pageFeatures(t testing.TB) []Features {
	t.Helper()
	var out []Features
	for _, id := range []string{"s11_dw_elephants-guinee", "s19_soundofscience_hceres"} {
		p := filepath.Join("..", "..", "..", "shared", "corpus", id, "raw.html")
		if _, err := os.Stat(p); err != nil {
			t.Skipf("corpus page %s not found (../shared beside the repository)", id)
		}
		out = append(out, htmlFeatures(t, p))
	}
	return out
}

func htmlFeatures(t testing.TB, p string) Features {
	t.Helper()
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	in, err := source.FromBytes(p, raw, "text/html")
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	doc, err := clean.Clean(in)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return Extract(doc)
}

func newClusterer(t testing.TB) *Clusterer {
	t.Helper()
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func keysOf(ns []Name) string {
	var ks []string
	for _, n := range ns {
		ks = append(ks, n.Key)
	}
	return strings.Join(ks, ", ")
}

func splitWords(s string) []string { return strings.Fields(s) }
