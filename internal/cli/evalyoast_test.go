package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

// corpusDir is ../shared/corpus beside the repository.
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus")

// TestEvalYoastCorpus runs the parity evaluation end to end; it needs node,
// the harness's node_modules and the shared corpus, and is skipped without
// them (or with -short: it takes about a minute).
func TestEvalYoastCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Yoast through node")
	}
	harness, _ := filepath.Abs("../../tools/yoastparity")
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(harness, "node_modules", "yoastseo")); err != nil {
		t.Skip("yoastseo is not installed (npm ci in tools/yoastparity)")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("corpus not available")
	}
	var out, errb bytes.Buffer
	code := runEvalYoast(context.Background(), []string{"--harness", harness, "--keep", os.Getenv("PLUME_EVAL_KEEP"), "--min-agreement", "0.95", corpusDir}, IO{Out: &out, Err: &errb})
	t.Log(out.String())
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "| **all assessments** |") {
		t.Errorf("no summary row:\n%s", out.String())
	}
}

func TestYoastCases(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i, text := range []string{
		"La voiture électrique gagne du terrain en France. Les ventes progressent.\nLa voiture électrique reste chère. Les bornes de recharge manquent.\nLes aides de l'État réduisent la facture de la voiture électrique.\nLe marché européen suit la même tendance.",
		"Un second texte, plus court, sur la grève à Radio France.\nLa direction négocie.",
	} {
		d := filepath.Join(dir, "s0"+string(rune('1'+i)))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "truth.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases, err := yoastCases(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2*variants {
		t.Fatalf("%d cases, want %d", len(cases), 2*variants)
	}
	kps := map[string]bool{}
	for _, c := range cases {
		kps[c.art.Keyphrase] = true
		in := c.harnessInput()
		text, _ := in["text"].(string)
		if !strings.HasPrefix(text, "<") || in["keyword"] != c.art.Keyphrase {
			t.Errorf("%s: bad harness input %v", c.id, in)
		}
	}
	if !kps["voiture électrique"] || !kps["recette de la tarte aux pommes"] || !kps[`"voiture électrique"`] {
		t.Errorf("keyphrases not varied as designed: %v", kps)
	}
	if _, err := yoastCases(t.TempDir()); err == nil {
		t.Error("empty corpus accepted")
	}
}

func TestRenderHTML(t *testing.T) {
	t.Parallel()
	got := linkify("Voir <ici> et là.", []article.Link{{Text: "<ici>", URL: "/a?b=1&c=2"}, {Text: "là", URL: "https://x.example", NoFollow: true}})
	want := `Voir <a href="/a?b=1&amp;c=2">&lt;ici&gt;</a> et <a href="https://x.example" rel="nofollow">là</a>.`
	if got != want {
		t.Errorf("linkify:\n got %s\nwant %s", got, want)
	}
}

func TestAgreementTable(t *testing.T) {
	t.Parallel()
	tab := newAgreement()
	tab.bump("a", true)
	tab.bump("a", false)
	tab.bump("b", true)
	tab.bump("seo_overall", false)
	if r := tab.rate(); r < 0.66 || r > 0.67 {
		t.Errorf("rate = %v, want 2/3 (aggregates excluded)", r)
	}
	var b bytes.Buffer
	tab.write(&b, 1)
	if !strings.Contains(b.String(), "| a | 2 | 1 | 50.0 % |") || !strings.Contains(b.String(), "**66.7 %**") {
		t.Errorf("table:\n%s", b.String())
	}
	if r := runEvalYoastArgs(t, "--min-agreement", "2", "x"); r != ExitUsage {
		t.Errorf("--min-agreement 2: exit %d", r)
	}
}

func runEvalYoastArgs(t *testing.T, args ...string) int {
	t.Helper()
	var out, errb bytes.Buffer
	return runEvalYoast(context.Background(), args, IO{Out: &out, Err: &errb})
}
