package check

import (
	"errors"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

func TestAnalyzeText(t *testing.T) {
	rep, err := AnalyzeText("---\ntitle: Le budget\n---\n\nLe conseil municipal a voté le budget jeudi soir.\n", Options{})
	if err != nil || rep.Figures.Words == 0 {
		t.Fatalf("AnalyzeText = %+v, %v", rep, err)
	}
	for _, tc := range []struct {
		text string
		want error
	}{
		{"   ", article.ErrEmpty},
		{"---\ntitle: [unclosed\n---\n\nDu texte.\n", ErrUnreadable},
		{strings.Repeat("a", MaxTextBytes+1), ErrTooLarge},
	} {
		if _, err := AnalyzeText(tc.text, Options{}); !errors.Is(err, tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("AnalyzeText(%.20q) error %v, want %v on one line", tc.text, err, tc.want)
		}
	}
	for name, want := range map[string]Mode{"": Forms, "forms": Forms, "exact": Exact} {
		if m, err := ParseMode(name); err != nil || m != want {
			t.Errorf("ParseMode(%q) = %v, %v", name, m, err)
		}
	}
	if _, err := ParseMode("fuzzy"); err == nil {
		t.Error("ParseMode(fuzzy): no error")
	}
}
