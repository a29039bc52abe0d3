package main

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// expandFixture expands testdata/mini.dic (real lines of fr.dic) with
// testdata/mini.aff (real rules of fr.aff) and maps every form, as run does.
func expandFixture(t *testing.T) map[string][]ana {
	t.Helper()
	af, err := os.Open("testdata/mini.aff")
	if err != nil {
		t.Fatal(err)
	}
	defer af.Close()
	aff, err := parseAff(af)
	if err != nil {
		t.Fatalf("parseAff: %v", err)
	}
	df, err := os.Open("testdata/mini.dic")
	if err != nil {
		t.Fatal(err)
	}
	defer df.Close()
	dic, err := parseDic(df)
	if err != nil {
		t.Fatalf("parseDic: %v", err)
	}
	out := map[string][]ana{}
	for _, e := range dic {
		gens, err := aff.expand(e)
		if err != nil {
			t.Fatalf("expand %q: %v", e.word, err)
		}
		adj := participleLemma(gens)
		for _, g := range gens {
			for _, a := range mapForm(g, adj) {
				a.tag = canonTag(a.tag)
				out[g.form] = append(out[g.form], a)
			}
		}
	}
	return out
}

func TestExpandAndMap(t *testing.T) {
	t.Parallel()
	got := expandFixture(t)
	tests := []struct {
		form, lemma, tag string
	}{
		{"organisations", "organisation", "NOUN|Gender=Fem|Number=Plur"},
		{"organisation", "organisation", "NOUN|Gender=Fem|Number=Sing"},
		{"piratage", "piratage", "NOUN|Gender=Masc|Number=Sing"},
		{"américaines", "américain", "ADJ|Gender=Fem|Number=Plur"},
		{"américaines", "américain", "NOUN|Gender=Fem|Number=Plur"},
		{"touchées", "toucher", "VERB|Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part"},
		{"touchées", "touché", "ADJ|Gender=Fem|Number=Plur|VerbForm=Part"},
		{"toucher", "toucher", "VERB|VerbForm=Inf"},
		{"touchers", "toucher", "NOUN|Gender=Masc|Number=Plur"},
		{"touchant", "toucher", "VERB|Tense=Pres|VerbForm=Part"},
		{"touche", "toucher", "VERB|Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"},
		{"touche", "toucher", "VERB|Mood=Sub|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin"},
		{"toucheraient", "toucher", "VERB|Mood=Cnd|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"},
		{"touchâmes", "toucher", "VERB|Mood=Ind|Number=Plur|Person=1|Tense=Past|VerbForm=Fin"},
		{"abasourdies", "abasourdir", "VERB|Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part"},
		{"est", "être", "VERB|Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"},
		{"est", "être", "AUX|Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"},
		{"été", "être", "AUX|Gender=Epi|Number=Inv|Tense=Past|VerbForm=Part"},
		{"êtres", "être", "NOUN|Gender=Masc|Number=Plur"},
		{"Pékin", "Pékin", "PROPN|Gender=Epi|Number=Inv"},
		{"l'", "le", "DET|Gender=Epi|Number=Sing"},
		{"l'", "le", "PRON|Gender=Epi|Number=Sing"},
		{"kilomètres", "kilomètre", "NOUN|Gender=Masc|Number=Plur"},
		{"mètres", "mètre", "NOUN|Gender=Masc|Number=Plur"},
		{"km", "km", "NOUN|Gender=Masc|Number=Inv"},
	}
	for _, tc := range tests {
		if !slices.Contains(got[tc.form], ana{tc.lemma, tc.tag}) {
			t.Errorf("%s: missing %s %s; have %v", tc.form, tc.lemma, tc.tag, got[tc.form])
		}
	}
	// Elided prefixes are never glued on, NEEDAFFIX stems never stand bare,
	// forbidden words never appear.
	for form := range got {
		if strings.ContainsAny(form, "'") && form != "l'" {
			t.Errorf("elided form %q generated", form)
		}
	}
	for _, absent := range []string{"fautif", "kilo"} {
		if _, ok := got[absent]; ok {
			t.Errorf("%q should not be generated", absent)
		}
	}
	// toucher/a0p+(): the NEEDAFFIX stem is produced only through the
	// infinitive rule, so it must carry no analysis without features.
	for _, a := range got["toucher"] {
		if a.tag == "VERB" {
			t.Errorf("bare VERB analysis for toucher: %v", got["toucher"])
		}
	}
}

func TestParseCond(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cond, word string
		end, start bool
	}{
		{".", "abc", true, true},
		{"er", "toucher", true, false},
		{"[^cg]er", "toucher", true, false},
		{"[^cg]er", "manger", false, false},
		{"[aou]yer", "payer", true, false},
		{"[aeoœ]u", "bœu", true, false},
		{"[aàâ]", "âme", false, true},
	}
	for _, tc := range tests {
		c, err := parseCond(tc.cond)
		if err != nil {
			t.Fatalf("parseCond(%q): %v", tc.cond, err)
		}
		w := []rune(tc.word)
		if got := c.matchEnd(w); got != tc.end {
			t.Errorf("%q matchEnd(%q) = %v", tc.cond, tc.word, got)
		}
		if got := c.matchStart(w); got != tc.start {
			t.Errorf("%q matchStart(%q) = %v", tc.cond, tc.word, got)
		}
	}
	if _, err := parseCond("[abc"); err == nil {
		t.Error("unclosed bracket accepted")
	}
}

func TestCanonTag(t *testing.T) {
	t.Parallel()
	if got := canonTag("VERB|VerbForm=Fin|Mood=Ind|Person=3"); got != "VERB|Mood=Ind|Person=3|VerbForm=Fin" {
		t.Errorf("canonTag = %q", got)
	}
	if got := canonTag("ADP"); got != "ADP" {
		t.Errorf("canonTag(ADP) = %q", got)
	}
}

func FuzzParseAffDic(f *testing.F) {
	f.Add("SFX S. Y 1\nSFX S. 0 s/D'Q' [^sxz] is:pl\n", "1\norganisation/S.() po:nom is:fem\n")
	f.Add("PFX Um Y 1\nPFX Um 0 kilo/S.() .\n", "mètre/Um() po:nom")
	f.Add("SFX a. Y 1\nSFX a. er é [\n", "x/a.")
	f.Fuzz(func(t *testing.T, affText, dicText string) {
		aff, err := parseAff(strings.NewReader(affText))
		if err != nil {
			return
		}
		dic, err := parseDic(strings.NewReader(dicText))
		if err != nil {
			return
		}
		for _, e := range dic {
			gens, err := aff.expand(e)
			if err != nil {
				continue
			}
			adj := participleLemma(gens)
			for _, g := range gens {
				_ = mapForm(g, adj)
			}
		}
	})
}
