package evalclean

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/extract"
)

const fakeCorpus = "testdata/corpus"

func TestTokens(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want string
	}{
		{"Le Maire a parlé.", "le maire a parlé"},
		{"l’État, aujourd'hui", "l état aujourd hui"},
		{"re\u00ADfor\u00ADme", "reforme"},
		{"e\u0301te\u0301 ÉTÉ", "été été"},
		{"30 000 euros, 2,4 %", "30 000 euros 2 4"},
		{"  \n\t ", ""},
		{"« Oui » — non…", "oui non"},
	}
	for _, tc := range cases {
		if got := strings.Join(Tokens(tc.in), " "); got != tc.want {
			t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOverlapAndPRF(t *testing.T) {
	t.Parallel()
	cases := []struct {
		got, want string
		overlap   int
		p, r, f1  float64
	}{
		{"a b c", "a b c", 3, 1, 1, 1},
		{"a a b", "a b b", 2, 2.0 / 3, 2.0 / 3, 2.0 / 3},
		{"a b c d", "a b", 2, 0.5, 1, 2.0 / 3},
		{"", "a b", 0, 0, 0, 0},
		{"x y", "a b", 0, 0, 0, 0},
	}
	for _, tc := range cases {
		g, w := strings.Fields(tc.got), strings.Fields(tc.want)
		ov := Overlap(g, w)
		if ov != tc.overlap {
			t.Errorf("Overlap(%q, %q) = %d, want %d", tc.got, tc.want, ov, tc.overlap)
		}
		p, r, f1 := PRF(ov, len(g), len(w))
		if !near(p, tc.p) || !near(r, tc.r) || !near(f1, tc.f1) {
			t.Errorf("PRF(%q, %q) = %.3f %.3f %.3f, want %.3f %.3f %.3f", tc.got, tc.want, p, r, f1, tc.p, tc.r, tc.f1)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestNormalizeAndPrefix(t *testing.T) {
	t.Parallel()
	if a, b := Normalize("« Oui », dit-il l’air\u00a0: ré\u00ADgion…"), Normalize(`"Oui", dit-il l'air: région...`); a != b {
		t.Errorf("typography not folded: %q vs %q", a, b)
	}
	cases := []struct {
		out, prefix string
		ok, after   bool
	}{
		{"Le maire a parlé.\nSuite.", "Le maire a", true, false},
		{"Un titre\nLe maire a parlé.", "Le maire a", true, true},
		{"Un titre Le maire a parlé.", "Le maire a", true, true},
		{strings.Repeat("titre ", 41) + "Le maire a parlé.", "Le maire a", false, false},
		{"Le  maire\n\na parlé", "Le maire a parlé", true, false},
		{"Le maire", "Le maire a parlé", false, false},
		{"", "x", false, false},
		{"n'importe quoi", "", true, false},
	}
	for _, tc := range cases {
		ok, after := HasPrefix(tc.out, tc.prefix)
		if ok != tc.ok || after != tc.after {
			t.Errorf("HasPrefix(%q, %q) = %v, %v; want %v, %v", tc.out, tc.prefix, ok, after, tc.ok, tc.after)
		}
	}
}

// oracle returns, per URL, the text given; other URLs fail.
func oracle(name string, byURL map[string]string) Extractor {
	return Extractor{Name: name, Func: func(_ []byte, u string) (string, error) {
		if s, ok := byURL[u]; ok {
			return s, nil
		}
		return "", errors.New("no text")
	}}
}

func resultOf(t *testing.T, rep *Report, name string) Result {
	t.Helper()
	for _, r := range rep.Results {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no result for %s", name)
	return Result{}
}

func TestRunScoresKnownOutputs(t *testing.T) {
	t.Parallel()
	truth, err := os.ReadFile(fakeCorpus + "/c1_full/truth.txt")
	if err != nil {
		t.Fatal(err)
	}
	perfect := oracle("perfect", map[string]string{
		"https://exemple.test/port":   string(truth),
		"https://exemple.test/marche": "ouvrira dès sept heures … redevienne un lieu de vie … gratuit pendant une heure",
		"https://exemple.test/ecole":  "L’école Jules-Ferry agrandie\nL’école élémentaire Jules-Ferry accueillera trois classes supplémentaires à la rentrée. Les travaux d’extension…",
	})
	noisy := oracle("noisy", map[string]string{
		"https://exemple.test/port":   "Accueil Région " + string(truth) + " Mentions légales",
		"https://exemple.test/marche": "S’abonner à la Gazette ouvrira dès sept heures. Gérer mes cookies",
		"https://exemple.test/ecole":  "Accueil\nRégion\nL’école élémentaire",
	})
	broken := Extractor{Name: "broken", Func: func([]byte, string) (string, error) { panic("boom") }}

	rep, err := Run(context.Background(), fakeCorpus, []Extractor{perfect, noisy, broken})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if rep.Pages != 3 || len(rep.Results) != 3 {
		t.Fatalf("pages %d, results %d", rep.Pages, len(rep.Results))
	}

	p := resultOf(t, rep, "perfect")
	if p.FullPages != 1 || !near(p.MacroF1, 1) || !near(p.MicroP, 1) {
		t.Errorf("perfect: full %d, macro F1 %.3f, micro P %.3f", p.FullPages, p.MacroF1, p.MicroP)
	}
	if p.Kept != 3 || p.MustKeep != 3 || p.Leaked != 0 || p.MustDrop != 3 {
		t.Errorf("perfect snippets: kept %d/%d leaked %d/%d", p.Kept, p.MustKeep, p.Leaked, p.MustDrop)
	}
	if p.PrefixOK != 1 || p.PrefixPages != 1 || p.PrefixAfterTitle != 1 {
		t.Errorf("perfect prefix: %d/%d after title %d", p.PrefixOK, p.PrefixPages, p.PrefixAfterTitle)
	}

	n := resultOf(t, rep, "noisy")
	if n.MacroR < 0.999 || n.MacroP >= 1 || n.MacroP < 0.8 {
		t.Errorf("noisy: P %.3f R %.3f, want full recall and precision in [0.8, 1)", n.MacroP, n.MacroR)
	}
	if n.Kept != 1 || n.Leaked != 2 || n.PrefixOK != 0 {
		t.Errorf("noisy: kept %d leaked %d prefix %d", n.Kept, n.Leaked, n.PrefixOK)
	}

	b := resultOf(t, rep, "broken")
	if b.Errors != 3 || b.MacroF1 != 0 || b.Kept != 0 {
		t.Errorf("broken: errors %d F1 %.3f kept %d", b.Errors, b.MacroF1, b.Kept)
	}
	if err := b.Pages[0].Err; err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("panic not recorded: %v", err)
	}

	var table bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	out := table.String()
	for _, want := range []string{"| metric | perfect | noisy | broken |", "| macro P / R / F1 | 1.000 / 1.000 / 1.000 |", "| must_not_contain leaked | 0 / 3 | 2 / 3 | 0 / 3 |", "| errors | 0 | 0 | 3 |"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	var pages bytes.Buffer
	if err := rep.WritePages(&pages); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(pages.String(), "\n"); got != 2+3*3 {
		t.Errorf("page table has %d lines, want 11", got)
	}
}

func TestRunRealExtractorsOnFakeCorpus(t *testing.T) {
	t.Parallel()
	plume := Extractor{Name: "plume", Func: func(raw []byte, u string) (string, error) {
		p, err := extract.FromHTML(bytes.NewReader(raw), u)
		if err != nil {
			return "", err
		}
		return p.Text(), nil
	}}
	rep, err := Run(context.Background(), fakeCorpus, []Extractor{plume, TrafilaturaOnly(), ExtractOnly()})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	for _, r := range rep.Results {
		if r.Errors != 0 {
			t.Errorf("%s: %d errors (%v)", r.Name, r.Errors, r.Pages[0].Err)
		}
		if r.Kept != r.MustKeep {
			t.Errorf("%s: kept %d of %d snippets", r.Name, r.Kept, r.MustKeep)
		}
		if r.Leaked != 0 {
			t.Errorf("%s: leaked %d boilerplate snippets", r.Name, r.Leaked)
		}
		if r.MacroR < 0.95 || r.MacroP < 0.8 {
			t.Errorf("%s: P %.3f R %.3f on a simple page", r.Name, r.MacroP, r.MacroR)
		}
		if r.PrefixOK != 1 {
			t.Errorf("%s: prefix not found", r.Name)
		}
	}
}

func TestRunErrors(t *testing.T) {
	t.Parallel()
	if _, err := Run(context.Background(), "testdata/absent", nil); err == nil {
		t.Error("missing corpus: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, fakeCorpus, []Extractor{TrafilaturaOnly()}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
}

func TestParseTruth(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, kind string
		ok       bool
	}{
		{`{"kind":"segments","must_contain":["a"],"must_not_contain":["b"]}`, "segments", true},
		{`{"kind":"prefix","starts_with":"Le"}`, "prefix", true},
		{`{"kind":"prefix_words","starts_with_words":"Le maire"}`, "prefix_words", true},
		{`{"kind":"other"}`, "", false},
		{`not json`, "", false},
	}
	for _, tc := range cases {
		got, err := parseTruth([]byte(tc.in))
		if (err == nil) != tc.ok || (tc.ok && got.Kind != tc.kind) {
			t.Errorf("parseTruth(%s) = %+v, %v", tc.in, got, err)
		}
	}
}

// TestSharedCorpus prints the comparison on the shared French corpus when
// it is present (PLUME_CORPUS overrides its path). It asserts only what
// must hold on any real corpus, so that it can run on every machine that
// has the folder.
func TestSharedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	dir := os.Getenv("PLUME_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus") // ../shared beside the repository
	}
	if _, err := os.Stat(dir + "/INDEX.tsv"); err != nil {
		t.Skipf("no corpus at %s", dir)
	}
	rep, err := Run(context.Background(), dir, []Extractor{ExtractOnly(), TrafilaturaOnly()})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var table, pages bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	if err := rep.WritePages(&pages); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s\n%s", table.String(), pages.String())
	for _, r := range rep.Results {
		if r.MustKeep > 0 && r.Kept*2 < r.MustKeep {
			t.Errorf("%s kept only %d of %d must_contain snippets", r.Name, r.Kept, r.MustKeep)
		}
	}
}
