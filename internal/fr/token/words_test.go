package token

import (
	"reflect"
	"testing"
)

func TestWords(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want []string
	}{
		{"L’administration a-t-elle dit « oui » ?", []string{"L’", "administration", "a", "elle", "dit", "oui"}},
		{"30 000 clients, 12,5 % et le 1er", []string{"30 000", "clients", "12,5", "et", "le", "1er"}},
		{"M. Dupont, dis-le-moi.", []string{"M.", "Dupont", "dis", "le", "moi"}},
		{"Voir www.x.com 🙂 @Microsoft", []string{"Voir"}},
		{"", []string{}},
	}
	for _, tc := range cases {
		if got := Words(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCliticPronoun(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"-t-il": "il", "-t-elle": "elle", "-elle": "elle", "-T-IL": "IL", "-moi": "moi",
		"-t'en": "t'en", "-t": "t", "x": "x", "": "", "\u2011vous": "vous",
	} {
		if got := CliticPronoun(in); got != want {
			t.Errorf("CliticPronoun(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCountWords(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in          string
		yoast, anum int
	}{
		{"l'administration", 1, 1},
		{"L’administration Biden devrait former un groupe", 6, 6},
		{"30 000", 2, 2},
		{"30\u00a0000 et 30\u202f000", 5, 5},
		{"«\u00a0menace active\u00a0»", 2, 2},
		{"« menace active »", 2, 2},
		{"a-t-il dit", 2, 2},
		{"porte-parole", 1, 1},
		{"12,5 %", 2, 1}, // Yoast counts a lone % as a word
		{"5 €", 2, 1},
		{"Il — dit – oui - non", 4, 4},
		{"attaque… et … puis", 3, 3},
		{"(NASDAQ 🙂 pour", 3, 2},
		{"`` menace active ''", 3, 2}, // ` is not in Yoast's punctuation list
		{"‘cité’", 1, 1},
		{"  \n\t ", 0, 0},
		{"", 0, 0},
		{"Que savons-nous du piratage?", 4, 4},
		{"WASHINGTON (Reuters) – L’Agence", 3, 3},
	}
	for _, tc := range cases {
		if got := CountWords(tc.in); got != tc.yoast {
			t.Errorf("CountWords(%q) = %d, want %d", tc.in, got, tc.yoast)
		}
		if got := CountAlnumWords(tc.in); got != tc.anum {
			t.Errorf("CountAlnumWords(%q) = %d, want %d", tc.in, got, tc.anum)
		}
	}
}
