package cli

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/llm/llmtest"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/write"
	"github.com/plume-seo/plume/internal/write/writertest"
)

func TestRewrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "article.md")
	r := run(t, "", "rewrite", "-o", out, "../../testdata/seeds/001_cc16c35db3f2b0c5.txt")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("-o still printed %d bytes to stdout", len(r.stdout))
	}
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(md), "---\ntitle: ") || !strings.Contains(string(md), "\n## ") {
		t.Errorf("not a Markdown article with front matter and subheadings:\n%.300s", md)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left beside the output: %v", entries)
	}

	r = run(t, "", "rewrite", "--format", "json", "--keyphrase", "piratage Microsoft", "../../testdata/seeds/001_cc16c35db3f2b0c5.txt")
	if r.code != ExitOK {
		t.Fatalf("json: exit %d: %s", r.code, r.stderr)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res["keyphrase"] != "piratage Microsoft" || res["writer"] != "extractive" || res["language"] != "fr" {
		t.Errorf("keyphrase %v writer %v language %v", res["keyphrase"], res["writer"], res["language"])
	}
	r = run(t, "", "rewrite", "--format", "html", "../../testdata/seeds/004_1ac107a302d2e3f1.txt")
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, "application/ld+json") {
		t.Errorf("html: exit %d, %.100q", r.code, r.stdout)
	}
}

func TestRewriteTooLittleMaterial(t *testing.T) {
	t.Parallel()
	// 003 holds about 330 words: the article is written, the warning says
	// how many words the sources support, and --strict makes it exit 1.
	r := run(t, "", "rewrite", "--format", "json", "../../testdata/seeds/003_42884da85b922804.txt")
	if r.code != ExitOK || !strings.Contains(r.stderr, "warning: the sources support about") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, "", "rewrite", "--strict", "../../testdata/seeds/003_42884da85b922804.txt")
	if r.code != ExitChecks {
		t.Errorf("--strict: exit %d; want 1", r.code)
	}
}

func TestRewriteBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "never.md")
	for _, args := range [][]string{
		{"rewrite", "--format", "pdf", "-o", out, "../../testdata/seeds/003_42884da85b922804.txt"},
		{"rewrite", "--writer", "gpt", "-o", out, "../../testdata/seeds/003_42884da85b922804.txt"},
		{"rewrite", "--min-words", "-5", "-o", out, "../../testdata/seeds/003_42884da85b922804.txt"},
		{"rewrite", "-o", out},
		{"rewrite", "-o", out, filepath.Join(dir, "missing.txt")},
		{"rewrite", "-o", out, "--corpus", filepath.Join(dir, "nope"), "../../testdata/seeds/003_42884da85b922804.txt"},
		{"rewrite", "-o", out, "../../testdata/english/ridge-fire_en.txt"},
		{"rewrite", "-o", out, "../../testdata/seeds/003_42884da85b922804.txt", "../../testdata/english/ridge-fire_en.txt"},
	} {
		r := run(t, "", args...)
		if r.code != ExitUsage || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args[1:], r.code, r.stderr)
		}
		if strings.Contains(args[len(args)-1], "english") && !strings.Contains(r.stderr, "ridge-fire_en.txt is not in French (language: en)") ||
			strings.Contains(args[len(args)-1], "english") && !strings.Contains(r.stderr, "--writer llm") {
			t.Errorf("%v: stderr %q does not say the LLM writer is needed", args[1:], r.stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%v: output file written despite the error", args[1:])
		}
	}
}

func TestRewriteLLM(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.Script{Models: []string{"mistral"}, Rules: []llmtest.Rule{{Respond: writertest.Model}}})
	t.Cleanup(srv.Close)
	r := run(t, "", "rewrite", "--format", "json", "--writer", "llm", "--llm-url", srv.URL, "--model", "mistral",
		"../../testdata/seeds/001_cc16c35db3f2b0c5.txt")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var res struct {
		Writer string `json:"writer"`
		LLM    *struct {
			Model string `json:"model"`
			Calls int    `json:"calls"`
		} `json:"llm"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Writer != "llm" || res.LLM == nil || res.LLM.Model != "mistral" || res.LLM.Calls == 0 || res.LLM.Calls > 8 {
		t.Errorf("writer %q llm %+v", res.Writer, res.LLM)
	}
	// A model that always answers in English: every section keeps the
	// offline text, each failure is a warning, and --strict exits 1 with
	// the article written.
	english := llmtest.New(t, llmtest.Script{Models: []string{"mistral"}, Rules: []llmtest.Rule{{Replies: []llmtest.Reply{
		{Content: "The White House said the hack was an active threat that every organisation must patch now."}}}}})
	out := filepath.Join(t.TempDir(), "article.md")
	r = run(t, "", "rewrite", "--strict", "-o", out, "--writer", "llm", "--llm-url", english.URL, "--model", "mistral",
		"../../testdata/seeds/001_cc16c35db3f2b0c5.txt")
	if b, err := os.ReadFile(out); r.code != ExitChecks || err != nil || !strings.HasPrefix(string(b), "---\n") ||
		!strings.Contains(r.stderr, "kept the offline text: le texte n’est pas en français") || !strings.Contains(r.stderr, "outline") {
		t.Errorf("--strict with a failing model: exit %d, stderr %q", r.code, r.stderr)
	}
	// Setup errors are said before any work, on one line, exit 2.
	for _, args := range [][]string{
		{"--writer", "llm", "--llm-url", "http://127.0.0.1:1/v1", "--model", "mistral"},
		{"--writer", "llm", "--llm-url", srv.URL, "--model", "no-such-model"},
		{"--writer", "llm", "--llm-url", srv.URL, "--model", "mistral", "--llm-timeout", "-1s"},
		{"--llm-url", srv.URL, "--model", "mistral"},
	} {
		a := append([]string{"rewrite"}, append(args, "../../testdata/seeds/001_cc16c35db3f2b0c5.txt")...)
		r := run(t, "", a...)
		if r.code != ExitUsage || r.stdout != "" || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// On the shared corpus's pages of 500 words or more (HTML, with a source
// URL, unlike the seeds), the LLM writer against the scripted model adds
// no unsupported fact to the offline writer's article, writes French, keeps the sources cited with their
// links, and scores no lower than the offline writer on every SEO check
// and on the two aggregate scores. Skipped without ../shared or with
// -short.
func TestRewriteLLMCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the shared corpus")
	}
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Skip("corpus not available")
	}
	t.Parallel()
	srv := llmtest.New(t, llmtest.Script{Models: []string{"m"}, Rules: []llmtest.Rule{{Respond: writertest.Model}}})
	pages := 0
	for _, e := range entries {
		raw := filepath.Join(corpusDir, e.Name(), "raw.html")
		if _, err := os.Stat(raw); err != nil {
			continue
		}
		doc, err := loadAndClean(context.Background(), raw, IO{Err: io.Discard})
		if err != nil || doc.WordCount < 500 {
			continue
		}
		pages++
		in := []rewrite.Input{{Name: raw, Doc: doc}}
		off, err := rewrite.Run(context.Background(), in, rewrite.Options{})
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		c, err := llm.New(llm.Config{URL: srv.URL, Model: "m", MaxRetries: -1})
		if err != nil {
			t.Fatal(err)
		}
		r, err := rewrite.Run(context.Background(), in, rewrite.Options{Writer: &write.LLM{Client: c}})
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		t.Logf("%s: %d words (offline %d), SEO %d (%d), readability %d (%d), %d calls, %d retries, %d fallbacks",
			e.Name(), r.WordCount, off.WordCount, r.SEOScore, off.SEOScore, r.ReadabilityScore, off.ReadabilityScore, r.LLM.Calls, r.LLM.Retries, r.LLM.Fallbacks)
		if r.Language != "fr" {
			t.Errorf("%s: language %s", e.Name(), r.Language)
		}
		// No finding the offline article does not have already (the
		// offline writer's own are its business).
		known := map[string]bool{}
		for _, f := range append(off.Fidelity.Unsupported, off.Fidelity.QuotesAltered...) {
			known[string(f.Kind)+"|"+f.Text] = true
		}
		for _, f := range append(r.Fidelity.Unsupported, r.Fidelity.QuotesAltered...) {
			if !known[string(f.Kind)+"|"+f.Text] {
				t.Errorf("%s: %s « %s » not in the sources: %s", e.Name(), f.Kind, f.Text, f.Sentence)
			}
		}
		if r.SEOScore < off.SEOScore || r.ReadabilityScore < off.ReadabilityScore {
			t.Errorf("%s: SEO %d readability %d; offline %d and %d", e.Name(), r.SEOScore, r.ReadabilityScore, off.SEOScore, off.ReadabilityScore)
		}
		offScore := map[string]int{}
		for _, ch := range off.Checks {
			offScore[ch.ID] = ch.Score
		}
		for _, ch := range r.Checks {
			if strings.HasPrefix(ch.ID, "seo.") && ch.Score < offScore[ch.ID] {
				t.Errorf("%s: %s %d < %d offline: %s", e.Name(), ch.ID, ch.Score, offScore[ch.ID], ch.Message)
			}
		}
	}
	if pages == 0 {
		t.Fatal("no corpus page of 500 words or more")
	}
}

// An English source: the offline writer refuses it (TestRewriteBadInput),
// the LLM writer writes it in French.
func TestRewriteLLMEnglish(t *testing.T) {
	t.Parallel()
	tr := writertest.RidgeFire
	srv := llmtest.New(t, llmtest.Script{Models: []string{"mistral"}, Rules: []llmtest.Rule{{Respond: tr.Respond}}})
	t.Cleanup(srv.Close)
	r := run(t, "", "rewrite", "--format", "json", "--writer", "llm", "--llm-url", srv.URL, "--model", "mistral",
		"../../testdata/english/ridge-fire_en.txt")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var res struct {
		Language  string `json:"language"`
		Keyphrase string `json:"keyphrase"`
		Title     string `json:"title"`
		Fidelity  struct {
			Unsupported []any `json:"unsupported"`
		} `json:"fidelity"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Language != "fr" || res.Keyphrase != tr.Keyphrase || !strings.HasPrefix(res.Title, "Incendie en Californie") || len(res.Fidelity.Unsupported) != 0 {
		t.Errorf("language %q keyphrase %q title %q unsupported %v", res.Language, res.Keyphrase, res.Title, res.Fidelity.Unsupported)
	}
}
