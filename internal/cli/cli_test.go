package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, IO{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return result{code, out.String(), errb.String()}
}

const seed003 = "../../testdata/seeds/003_42884da85b922804.txt"

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	r := run(t, "", "--help")
	if r.code != ExitOK || !strings.Contains(r.stdout, "clean") || !strings.Contains(r.stdout, "Usage:") {
		t.Errorf("--help: %+v", r)
	}
	r = run(t, "", "clean", "--help")
	if r.code != ExitOK || !strings.Contains(r.stdout, "-format") {
		t.Errorf("clean --help: %+v", r)
	}
	r = run(t, "", "version")
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "plume ") {
		t.Errorf("version: %+v", r)
	}
	r = run(t, "")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "Usage:") {
		t.Errorf("no args: %+v", r)
	}
	r = run(t, "", "frobnicate")
	if r.code != ExitUsage || !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %+v", r)
	}
}

func TestCleanText(t *testing.T) {
	t.Parallel()
	r := run(t, "", "clean", seed003)
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "Make this article") || strings.Contains(r.stdout, "Par Raphaël") || strings.Contains(r.stdout, "WASHINGTON") {
		t.Errorf("furniture in output:\n%s", r.stdout)
	}
	if !strings.HasPrefix(r.stdout, "L’Agence américaine de cybersécurité") {
		t.Errorf("output starts %q", r.stdout[:80])
	}
	// Flags after the input work too, and stdin is "-".
	raw, _ := os.ReadFile(seed003)
	r2 := run(t, string(raw), "clean", "-", "--format", "text")
	if r2.code != ExitOK || r2.stdout != r.stdout {
		t.Errorf("stdin output differs from file output (exit %d)", r2.code)
	}
}

func TestCleanJSON(t *testing.T) {
	t.Parallel()
	r := run(t, "", "clean", "--format", "json", "../../testdata/seeds/001_cc16c35db3f2b0c5.txt")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "byline", "dateline", "date", "site", "language", "brief", "blocks", "removed", "word_count"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if doc["byline"] != "Fama" || doc["language"] != "fr" {
		t.Errorf("byline %v language %v", doc["byline"], doc["language"])
	}
	blocks := doc["blocks"].([]any)
	headings := 0
	for _, b := range blocks {
		if b.(map[string]any)["kind"] == "heading" {
			headings++
		}
	}
	if headings != 3 {
		t.Errorf("%d headings; want 3", headings)
	}
}

func TestCleanURL(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html lang="fr"><head><title>Un séisme frappe le Népal</title></head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Un séisme frappe le Népal</h1>
<p>Un violent séisme de magnitude 7,8 a frappé le Népal samedi, faisant des centaines de morts selon les autorités locales, qui redoutent un bilan bien plus lourd dans les prochains jours.</p>
<h2>Les secours s’organisent</h2>
<p>Les équipes de secours internationales sont arrivées à Katmandou dimanche, où l’aéroport est engorgé par l’afflux de l’aide humanitaire et des vols de rapatriement.</p>
<p>Partager cet article</p>
</article><footer>© 2015 Le Journal – Tous droits réservés</footer></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	t.Cleanup(srv.Close)
	r := run(t, "", "clean", srv.URL+"/article")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Un séisme frappe le Népal\n", "## Les secours s’organisent", "magnitude 7,8"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, bad := range []string{"Accueil", "Partager", "droits réservés"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("output keeps furniture %q:\n%s", bad, r.stdout)
		}
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("Un mot. "), 20<<20/8)
	tests := []struct {
		name   string
		args   []string
		reason string
	}{
		{"empty", []string{"clean", write("empty.txt", nil)}, "input is empty"},
		{"whitespace", []string{"clean", write("ws.txt", []byte("  \n\n\t"))}, "input is empty"},
		{"furniture", []string{"clean", write("f.txt", []byte("Laisser un commentaire\n\nShare:\n\nNotez cet article\n"))}, "no article text found"},
		{"binary", []string{"clean", write("b.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1})}, "binary data"},
		{"20 MB", []string{"clean", write("big.txt", big)}, "larger than the 10.0 MB limit"},
		{"scripts only", []string{"clean", write("s.html", []byte("<html><head><script>x()</script></head><body><script>y()</script></body></html>"))}, "no article text found"},
		{"unreachable", []string{"clean", "http://127.0.0.1:1/page"}, "cannot fetch"},
		{"file scheme", []string{"clean", "file:///etc/passwd"}, `unsupported URL scheme "file"`},
		{"ftp scheme", []string{"clean", "ftp://example.com/x"}, `unsupported URL scheme "ftp"`},
		{"missing", []string{"clean", filepath.Join(dir, "nope.txt")}, "no such file"},
		{"two inputs", []string{"clean", "a", "b"}, "want exactly one INPUT"},
		{"bad format", []string{"clean", "--format", "xml", "a"}, `unknown --format "xml"`},
		{"bad flag", []string{"clean", "--nope", "a"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := run(t, "", tt.args...)
			if r.code != ExitUsage {
				t.Errorf("exit %d; want 2", r.code)
			}
			if !strings.Contains(r.stderr, tt.reason) {
				t.Errorf("stderr %q does not say %q", r.stderr, tt.reason)
			}
			if strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
				t.Errorf("stderr is not one line: %q", r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty: %q", r.stdout)
			}
		})
	}
}
