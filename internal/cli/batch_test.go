package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/llm/llmtest"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// runB calls runBatch directly, so these tests do not depend on its
// registration in commands().
func runB(args ...string) result {
	var out, errb bytes.Buffer
	code := runBatch(context.Background(), args, IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	return result{code, out.String(), errb.String()}
}

func TestBatchUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "plume.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no out", []string{"--db", db, "../../testdata/seeds"}, "--out DIR is required"},
		{"bad format", []string{"--db", db, "--out", dir, "--format", "pdf", "x"}, `unknown --format "pdf"`},
		{"zero jobs", []string{"--db", db, "--out", dir, "--jobs", "0", "x"}, "--jobs 0 out of range"},
		{"bad min words", []string{"--db", db, "--out", dir, "--min-words", "-3", "x"}, "--min-words -3 out of range"},
		{"no input", []string{"--db", db, "--out", dir}, "want at least one INPUT"},
		{"unknown flag", []string{"--frob"}, "flag provided but not defined"},
		{"unknown writer", []string{"--db", db, "--out", dir, "--writer", "gpt", "x"}, `unknown --writer "gpt"`},
		{"model without llm", []string{"--db", db, "--out", dir, "--model", "mistral", "x"}, "--model needs --writer llm"},
		{"negative timeout", []string{"--db", db, "--out", dir, "--writer", "llm", "--model", "m", "--llm-timeout", "-2s", "x"}, "--llm-timeout -2s must be positive"},
	}
	for _, tt := range tests {
		r := runB(tt.args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", tt.name, r.code, r.stderr, tt.want)
		}
	}
	if r := runB("--help"); r.code != ExitOK || !strings.Contains(r.stdout, "-jobs") {
		t.Errorf("--help: %+v", r)
	}
}

func TestBatchSeeds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "plume.db")
	out := filepath.Join(dir, "out")
	bad := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{"000_0d69b5ed976f889e.md", "003_42884da85b922804.md", "004_1ac107a302d2e3f1.md"}

	// A bad input: reported, exit 1, the three stories still written.
	r := runB("--db", db, "--out", out, "--jobs", "2", bad, "../../testdata/seeds")
	if r.code != ExitChecks {
		t.Fatalf("exit %d; want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "input "+bad+": ") || !strings.Contains(r.stdout, "input is empty") {
		t.Errorf("bad input not reported:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "3 article(s): 3 written") || !strings.Contains(r.stderr, "[3/3] ") {
		t.Errorf("summary or progress missing:\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if got := names(t, out); !reflect.DeepEqual(got, want) {
		t.Fatalf("files %v; want %v", got, want)
	}
	for _, n := range want {
		b, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := article.ParseMarkdown(b); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}

	// Again, good inputs only: all done, exit 0, nothing rewritten.
	r = runB("--db", db, "--out", out, "--jobs", "2", "../../testdata/seeds")
	if r.code != ExitOK || !strings.Contains(r.stdout, "3 article(s): 0 written, 3 already done, 0 failed") {
		t.Errorf("second run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Another format: one file per story next to the Markdown ones.
	r = runB("--db", db, "--out", out, "--format", "html", "../../testdata/seeds")
	if r.code != ExitOK || len(names(t, out)) != 6 {
		t.Errorf("html run: exit %d, files %v\n%s", r.code, names(t, out), r.stderr)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// In a batch, related stories of the store feed each article's context
// section and its internal links, as --corpus does for one rewrite.
func TestBatchRelatedContext(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "articles")
	r := run(t, "", "batch", "--out", out, "--db", filepath.Join(dir, "plume.db"), "--jobs", "2", "../../testdata/seeds")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "003_42884da85b922804.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "contexte") || !regexp.MustCompile(`Lire aussi[\s\x{00a0}]+: \[[^\]]+\]\(/`).MatchString(string(md)) {
		t.Errorf("003 has no context section with an internal link:\n%s", md)
	}
}

// plume batch --writer llm: the server is probed before anything is read
// or stored, and each story's article is written by the model with its own
// accounting.
func TestBatchLLM(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.Script{Models: []string{"mistral"}, Rules: []llmtest.Rule{{Respond: writertest.Model}}})
	dir := t.TempDir()
	db := filepath.Join(dir, "plume.db")
	out := filepath.Join(dir, "out")

	// Setup errors: one line, exit 2, no store and no folder made.
	for _, args := range [][]string{
		{"--llm-url", "http://127.0.0.1:1/v1", "--model", "mistral"},
		{"--llm-url", srv.URL, "--model", "no-such-model"},
	} {
		a := append([]string{"--db", db, "--out", out, "--writer", "llm"}, append(args, "../../testdata/seeds")...)
		r := runB(a...)
		if r.code != ExitUsage || r.stdout != "" || r.stderr == "" || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 || !strings.Contains(r.stderr, "--writer llm") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
		for _, p := range []string{db, out} {
			if _, err := os.Stat(p); err == nil {
				t.Fatalf("%v: %s made before the server was checked", args, p)
			}
		}
	}
	if srv.ModelRequests() != 1 || len(srv.Requests()) != 0 {
		t.Fatalf("%d probes, %d chat requests", srv.ModelRequests(), len(srv.Requests()))
	}

	r := runB("--db", db, "--out", out, "--jobs", "2", "--format", "json", "--writer", "llm", "--llm-url", srv.URL, "--model", "mistral", "../../testdata/seeds")
	if r.code != ExitOK || !strings.Contains(r.stdout, "3 article(s): 3 written") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	calls := 0
	for _, n := range names(t, out) {
		b, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			t.Fatal(err)
		}
		var res struct {
			Writer   string `json:"writer"`
			Language string `json:"language"`
			Sections []struct {
				Writer string `json:"writer"`
			} `json:"sections"`
			LLM *struct {
				Model     string `json:"model"`
				Calls     int    `json:"calls"`
				Fallbacks int    `json:"fallbacks"`
			} `json:"llm"`
		}
		if err := json.Unmarshal(b, &res); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		byModel := 0
		for _, s := range res.Sections {
			if s.Writer == "llm" {
				byModel++
			}
		}
		if res.Writer != "llm" || res.Language != "fr" || res.LLM == nil || res.LLM.Model != "mistral" || res.LLM.Calls == 0 || byModel == 0 {
			t.Errorf("%s: writer %q, language %q, %d sections by the model, llm %+v", n, res.Writer, res.Language, byModel, res.LLM)
			continue
		}
		calls += res.LLM.Calls
	}
	// Each article counts its own calls: together, what the server saw.
	if calls != len(srv.Requests()) {
		t.Errorf("the articles account for %d calls; the server saw %d", calls, len(srv.Requests()))
	}
}
