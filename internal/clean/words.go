package clean

import (
	"strings"

	"github.com/plume-seo/plume/internal/fr/token"
	"unicode"
	"unicode/utf8"
)

// functionWords are French and English function words, used to tell prose
// (dense in them) from menus, labels and headlines (sparse). The list was
// written by the plume authors.
var functionWords = toSet(`
a à au aux avec ce ces cet cette ceci cela ça chez comme dans de des du elle elles en entre et est
été être eu il ils je la le les leur leurs lui mais me même mes moi mon ne ni nos notre nous on ont ou
où par pas peu plus pour qu que qui sa sans se ses si son sont sur ta te tes toi ton tous tout toute
toutes très tu un une vos votre vous y l d j n s c m t qu jusqu lorsqu puisqu quand aussi alors
avait avaient ait sera seront serait été était étaient fait faire peut peuvent doit doivent selon
après avant depuis pendant contre vers sous dont lequel laquelle lesquels lesquelles auquel
ainsi donc car or puis encore déjà toujours ont avons avez sommes êtes suis es
the of and to in is was for on that with as by at from it be are this an or not but have has had were
which their they been will would can could its his her he she we you our there than who
`)

func toSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words splits s into lower-cased word forms, splitting French elisions
// (l'État → l, état) so that function words are recognised.
func words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, strings.ToLower(strings.Trim(s[start:i], "-")))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(strings.Trim(s[start:], "-")))
	}
	return out
}

// functionDensity is the share of words of s that are function words.
func functionDensity(ws []string) float64 {
	if len(ws) == 0 {
		return 0
	}
	n := 0
	for _, w := range ws {
		if functionWords[w] {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

// contentKey reduces a word to a crude key for topical overlap: lower case,
// no plural s/x, at least four letters. Function words give "".
func contentKey(w string) string {
	if functionWords[w] || utf8.RuneCountInString(w) < 4 {
		return ""
	}
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") {
		w = w[:len(w)-1]
	}
	return w
}

// countWords counts words the way SEO tools count the words of a text.
func countWords(s string) int { return token.CountAlnumWords(s) }
