package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/typo"
)

const sampleArticle = "../check/testdata/good.md"

// runAnalyzeCmd calls runAnalyze directly: the lead registers the command in
// cli.go.
func runAnalyzeCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := runAnalyze(context.Background(), args, IO{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return result{code, out.String(), errb.String()}
}

func TestAnalyzeText(t *testing.T) {
	t.Parallel()
	r := runAnalyzeCmd(t, "", sampleArticle)
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	seo := strings.Index(r.stdout, "\nSEO\n")
	read := strings.Index(r.stdout, "\nLisibilité\n")
	if !strings.HasPrefix(r.stdout, "SEO : ") || seo < 0 || read < seo {
		t.Errorf("want scores, then SEO, then readability:\n%s", r.stdout)
	}
	r = runAnalyzeCmd(t, "", "--lang", "en", sampleArticle)
	if r.code != ExitOK || !strings.Contains(r.stdout, "\nReadability\n") {
		t.Errorf("--lang en: %+v", r)
	}
}

func TestAnalyzeJSON(t *testing.T) {
	t.Parallel()
	r := runAnalyzeCmd(t, "", "--format", "json", "--keyphrase", "borne de recharge", sampleArticle)
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		SEO    *int `json:"seo_score"`
		Read   *int `json:"readability_score"`
		Checks []struct {
			ID, Yoast, Rating, Message string
			Score                      int
		}
		Figures map[string]any
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if rep.SEO == nil || rep.Read == nil || len(rep.Checks) < 20 {
		t.Fatalf("incomplete report: %s", r.stdout)
	}
	if rep.Figures["keyphrase"] != "borne de recharge" {
		t.Errorf("--keyphrase not used: %v", rep.Figures["keyphrase"])
	}
	for _, k := range []string{"words", "sentences", "flesch", "density"} {
		if _, ok := rep.Figures[k]; !ok {
			t.Errorf("figure %s missing", k)
		}
	}
	yoast := 0
	for _, c := range rep.Checks {
		if c.ID == "" || c.Rating == "" || c.Message == "" {
			t.Errorf("incomplete check %+v", c)
		}
		if c.Yoast != "" {
			yoast++
		}
	}
	if yoast < 20 {
		t.Errorf("only %d checks carry a Yoast identifier", yoast)
	}
}

func TestAnalyzeExactModeDiffers(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: Les voitures électriques\nkeyphrase: voiture électrique\n---\n\nLes voitures électriques gagnent du terrain.\n"
	forms := runAnalyzeCmd(t, src, "--format", "json", "-")
	exact := runAnalyzeCmd(t, src, "--format", "json", "--mode", "exact", "-")
	if forms.code != ExitOK || exact.code != ExitOK {
		t.Fatalf("exit %d/%d: %s %s", forms.code, exact.code, forms.stderr, exact.stderr)
	}
	if !strings.Contains(forms.stdout, `"mode": "forms"`) || !strings.Contains(exact.stdout, `"mode": "exact"`) {
		t.Error("mode not reported")
	}
	if forms.stdout == exact.stdout {
		t.Error("forms and exact modes give the same report on inflected keyphrase forms")
	}
}

func TestAnalyzeFix(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: \"Prix : en hausse\"\n---\n\nLe prix : 12345 euros. L'État paie !\n"
	r := runAnalyzeCmd(t, src, "--fix", "-")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if want := typo.FixMarkdown(src, typo.DefaultStyle()); r.stdout != want {
		t.Errorf("--fix:\n got %q\nwant %q", r.stdout, want)
	}
	for _, s := range []string{"Prix\u00a0:", "prix\u00a0:", "L’État"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("--fix: %q missing in %q", s, r.stdout)
		}
	}
	if r := runAnalyzeCmd(t, "<html><body><p>Texte : ici.</p></body></html>", "--fix", "-"); r.code != ExitUsage {
		t.Errorf("--fix on HTML: exit %d", r.code)
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := strings.Repeat("Le mot est répété ici. ", 5<<20/23+1)
	for _, c := range []struct {
		name, input string
		args        []string
		code        int
		msg         string
	}{
		{"no title", "Un texte sans titre mais avec des mots.", nil, ExitOK, ""},
		{"no keyphrase", "# Titre\n\nDu texte.", nil, ExitOK, ""},
		{"no headings, one huge paragraph", "# T\n\n" + strings.Repeat("Une phrase assez longue pour compter. ", 3000), nil, ExitOK, ""},
		{"only English", "# Title\n\n" + english, nil, ExitOK, ""},
		{"only markup", "<html><body><div><span></span></div></body></html>", nil, ExitUsage, "nothing to analyse"},
		{"5 MB", big, nil, ExitUsage, "too large"},
		{"bad front matter", "---\ntitle: [\n---\n\nTexte.", nil, ExitUsage, "front matter"},
		{"bad format", "# T", []string{"--format", "xml"}, ExitUsage, "unknown --format"},
		{"bad lang", "# T", []string{"--lang", "de"}, ExitUsage, "unknown --lang"},
		{"bad mode", "# T", []string{"--mode", "fuzzy"}, ExitUsage, "unknown --mode"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append(append([]string{}, c.args...), write(strings.ReplaceAll(c.name, " ", "_")+".md", c.input))
			r := runAnalyzeCmd(t, "", args...)
			if r.code != c.code {
				t.Fatalf("exit %d, want %d: %s", r.code, c.code, r.stderr)
			}
			if c.msg != "" && (!strings.Contains(r.stderr, c.msg) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0) {
				t.Errorf("want a one-line message with %q, got %q", c.msg, r.stderr)
			}
		})
	}
	if r := runAnalyzeCmd(t, ""); r.code != ExitUsage {
		t.Errorf("no ARTICLE: exit %d", r.code)
	}
}

const english = "The government announced on Tuesday that the new rules would apply to all companies with more than fifty employees, and that the changes would be reviewed by the end of the year."
