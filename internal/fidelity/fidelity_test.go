package fidelity_test

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/write/writertest"
)

func sheet(t *testing.T, prefixes ...string) *facts.Sheet {
	t.Helper()
	return writertest.Sheet(t, prefixes)
}

func TestCheck(t *testing.T) {
	t.Parallel()
	sh := sheet(t, "001", "002")
	tests := []struct {
		name string
		text string
		kind fidelity.Kind // "" = supported
		alt  bool          // a quotation altered
	}{
		{"figure as written", "Reuters rapporte que plus de 20 000 organisations sont infiltrées.", "", false},
		{"figure other spacing", "Au moins 30\u202f000 organisations ont été piratées, selon Krebs.", "", false},
		{"invented figure", "Au moins 45 000 organisations ont été piratées.", fidelity.Figure, false},
		{"invented name", "Le ministre Jean Dupont a réagi vivement.", fidelity.Name, false},
		{"known name", "Jennifer Psaki a parlé de menace active.", "", false},
		{"verbatim quote", "Selon elle, « C’est une menace active ».", "", false},
		{"altered quote", "Elle a dit : « C’est une menace très active ».", "", true},
		{"verbatim quote of two sentences", "« Tous ceux qui utilisent ces serveurs doivent agir maintenant pour les corriger. Nous sommes préoccupés par le fait qu’il y ait un grand nombre de victimes », a-t-elle dit.", "", false},
		{"altered quote of two sentences", "« Tous ceux qui utilisent ces serveurs doivent agir maintenant pour les corriger. Nous sommes inquiets du grand nombre de victimes », a-t-elle dit.", "", true},
		{"invented date", "L’attaque a commencé le 14 juillet.", fidelity.Date, false},
		{"known date", "Microsoft a publié mardi des correctifs.", "", false},
	}
	for _, tt := range tests {
		r := fidelity.Check([]string{tt.text}, sh)
		var kinds []string
		for _, f := range r.Unsupported {
			kinds = append(kinds, string(f.Kind)+":"+f.Text)
		}
		switch {
		case tt.kind == "" && len(r.Unsupported) > 0:
			t.Errorf("%s: unsupported %v", tt.name, kinds)
		case tt.kind != "" && (len(r.Unsupported) == 0 || r.Unsupported[0].Kind != tt.kind):
			t.Errorf("%s: got %v; want a %s", tt.name, kinds, tt.kind)
		}
		if (len(r.QuotesAltered) > 0) != tt.alt {
			t.Errorf("%s: quotes altered = %+v", tt.name, r.QuotesAltered)
		}
	}
}

// A source checked against itself supports everything it says.
func TestSourcesSupportThemselves(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"000", "001", "002", "003", "004"} {
		sh := sheet(t, p)
		var blocks []string
		for _, b := range sh.Sources[0].Doc.Blocks {
			blocks = append(blocks, b.Text)
		}
		r := fidelity.Check(blocks, sh)
		if !r.OK() {
			t.Errorf("%s: %+v", p, r)
		}
		if r.FiguresKept != r.FiguresTotal {
			t.Errorf("%s: figures kept %d of %d", p, r.FiguresKept, r.FiguresTotal)
		}
	}
	if strings.Join(fidelity.Names("Le conseiller Jake Sullivan a parlé à la Maison Blanche avec la CISA."), "|") != "Jake Sullivan|Maison Blanche|CISA" {
		t.Errorf("Names = %q", fidelity.Names("Le conseiller Jake Sullivan a parlé à la Maison Blanche avec la CISA."))
	}
}
