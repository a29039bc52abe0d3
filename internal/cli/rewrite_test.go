package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/llm/llmtest"
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
	} {
		r := run(t, "", args...)
		if r.code != ExitUsage || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args[1:], r.code, r.stderr)
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
