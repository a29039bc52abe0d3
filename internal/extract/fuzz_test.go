package extract

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func addFixtureSeeds(f *testing.F) {
	for _, name := range []string{"article.html", "scripts-only.html"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(page("Un <em>paragraphe</em>.", filler))
	f.Add(`<figure><figcaption>Légende</figcaption></figure><ul><li>a<li>b</ul><table><tr><td>1</table>`)
	f.Add("<p>a<br><br>b</p><blockquote>c</blockquote><h7>d</h7>")
}

func FuzzFromHTML(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		p, err := FromHTML(strings.NewReader(src), "https://example.org/")
		if err != nil {
			if !errors.Is(err, ErrNoContent) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if !hasProse(p.Blocks) {
			t.Fatal("success without prose")
		}
		for _, b := range p.Blocks {
			if b.Kind == KindList || b.Kind == KindTable {
				for _, it := range b.Items {
					checkNormalized(t, "item", it)
				}
				continue
			}
			checkNormalized(t, string(b.Kind), b.Text)
			if (b.Kind == KindHeading) != (b.Level > 0) {
				t.Errorf("level %d on %s", b.Level, b.Kind)
			}
		}
	})
}

func FuzzBrowserText(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		got, err := BrowserText(strings.NewReader(src))
		if err != nil {
			return
		}
		if strings.ContainsRune(got, softHyphen) || strings.Contains(got, "\n\n\n") {
			t.Errorf("soft hyphen or run of blank lines: %q", got)
		}
		if strings.Trim(got, " \t\n") != got {
			t.Errorf("untrimmed output: %q", got)
		}
		for _, ln := range strings.Split(got, "\n") {
			if strings.HasSuffix(ln, " ") || (ln != "" && strings.TrimSpace(ln) == "") {
				t.Errorf("trailing space or blank-looking line %q", ln)
			}
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("not NFC: %q", got)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"  a \u00a0 b ", "re\u0301\u00ADgion", "\uE000x", "\t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utfValid(s) {
			return
		}
		got := normalize(s)
		checkNormalized(t, "normalize", strings.TrimSpace(got))
		if again := normalize(got); again != got {
			t.Errorf("not idempotent: %q -> %q", got, again)
		}
	})
}
