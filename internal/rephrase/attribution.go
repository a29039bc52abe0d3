package rephrase

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// attributionVerbs are the past participles VaryAttribution writes: with
// avoir they never agree, they all take « que » + indicative, a colon and
// an incise, and none adds a judgement the source did not make.
var attributionVerbs = []string{"déclaré", "affirmé", "indiqué", "précisé", "expliqué", "souligné"}

// VaryAttribution replaces the participle of a compound-past speech verb
// (« a déclaré », « ont affirmé », « a-t-elle ajouté ») with another of
// déclaré, affirmé, indiqué, précisé, expliqué, souligné, chosen by seed.
// Only the participle changes: the auxiliary, its tense and an inverted
// pronoun stay, and since every choice is conjugated with avoir no
// agreement changes. It applies only when the verb introduces speech —
// followed by « que », by a colon and a quotation, or in an incise after a
// quotation — and never to a negated verb (« n’a pas précisé où… »).
// It returns s and false when no such verb is found.
func VaryAttribution(s string, seed int) (string, bool) {
	st := parse(s)
	if !st.balanced {
		return s, false
	}
	t := st.toks
	for i := range t {
		g, ok := st.verbAt(i)
		if !ok || !g.compound || !variable(token0(g.verb)) {
			continue
		}
		if i > 0 && (t[i-1].low == "n'" || t[i-1].low == "ne") {
			continue
		}
		if !st.introducesSpeech(g) {
			continue
		}
		cur := token0(g.verb)
		choices := make([]string, 0, len(attributionVerbs))
		for _, v := range attributionVerbs {
			if v != cur {
				choices = append(choices, v)
			}
		}
		pick := choices[((seed%len(choices))+len(choices))%len(choices)]
		if r, _ := utf8.DecodeRuneInString(g.verb); unicode.IsUpper(r) {
			pick, _ = upperFirst(pick)
		}
		p := t[g.j-1]
		return s[:p.start] + pick + s[p.end:], true
	}
	return s, false
}

// token0 folds a participle for comparison.
func token0(s string) string { return strings.ToLower(s) }

// variable reports whether a participle may be replaced: the six we write
// and « ajouté », whose inversion (« a-t-elle ajouté ») is kept.
func variable(part string) bool {
	if part == "ajouté" {
		return true
	}
	for _, v := range attributionVerbs {
		if v == part {
			return true
		}
	}
	return false
}

// introducesSpeech reports whether the verb group introduces reported
// speech: « que » or « : « » after it (past a day or a recipient), or a
// comma right after a closing quotation before it.
func (st *sentence) introducesSpeech(g verbGroup) bool {
	t := st.toks
	k, _, _, _ := st.complement(g.j, len(t))
	if k < len(t) {
		switch {
		case t[k].low == "que" || t[k].low == "qu'":
			return true
		case t[k].text == ":" && k+1 < len(t) && isOpenQuote(firstRune(t[k+1].text)):
			return true
		}
	}
	if g.i >= 2 && t[g.i-1].text == "," {
		switch t[g.i-2].text {
		case "»", "”", "\"", "''":
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
