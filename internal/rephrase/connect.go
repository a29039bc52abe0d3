package rephrase

import (
	_ "embed"
	"hash/fnv"
	"strings"
	"sync"

	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
)

// transitionsText is our list of French transition words and phrases.
// Origin: written by the plume authors for this package; licence: plume's.
//
//go:embed transitions.txt
var transitionsText string

// transitions holds the list as folded word sequences, elisions expanded.
var transitions = sync.OnceValue(func() [][]string {
	var out [][]string
	for _, line := range strings.Split(transitionsText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, transitionKey(line))
	}
	return out
})

// transitionsByFirst indexes the list by first word, in list order.
var transitionsByFirst = sync.OnceValue(func() map[string][][]string {
	idx := map[string][][]string{}
	for _, tr := range transitions() {
		if len(tr) > 0 {
			idx[tr[0]] = append(idx[tr[0]], tr)
		}
	}
	return idx
})

// elided maps an elided form to its full form, so that « qu’ » matches
// « que » and « d’abord » matches « de abord ».
var elided = map[string]string{"qu'": "que", "d'": "de", "l'": "le", "c'": "ce", "j'": "je",
	"n'": "ne", "s'": "se", "m'": "me", "t'": "te", "jusqu'": "jusque", "lorsqu'": "lorsque",
	"puisqu'": "puisque", "quoiqu'": "quoique"}

// transitionKey splits text into folded words with elisions expanded and
// hyphenated compounds kept whole.
func transitionKey(text string) []string {
	var out []string
	for _, t := range token.Tokenize(text) {
		if !t.Kind.IsWord() {
			continue
		}
		w := token.Fold(t.Text)
		if t.Kind == token.Clitic {
			w = token.Fold(token.CliticPronoun(t.Text))
		}
		if full, ok := elided[w]; ok {
			w = full
		}
		out = append(out, w)
	}
	return out
}

// TransitionCount is the number of entries of our transition list.
func TransitionCount() int { return len(transitions()) }

// IsTransition reports whether the sentence carries a French transition
// word or phrase from our list (« cependant », « en outre », « par
// ailleurs », « alors que », « selon »… about 140 entries), anywhere in it,
// as Yoast's transition-word check counts them. Matching ignores case and
// the form of the apostrophe, and treats an elided word as its full form.
func IsTransition(s string) bool {
	return transitionAt(transitionKey(s), -1) >= 0
}

// transitionAt returns the length of the first transition found in words
// (at position at only, when at >= 0), or -1.
func transitionAt(words []string, at int) int {
	idx := transitionsByFirst()
	for i, w := range words {
		if at >= 0 && i != at {
			continue
		}
		for _, tr := range idx[w] {
			if len(tr) <= len(words)-i && equalWords(words[i:i+len(tr)], tr) {
				return len(tr)
			}
		}
	}
	return -1
}

func equalWords(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// relation is how a sentence follows the one before it.
type relation uint8

const (
	relNone relation = iota
	relContrast
	relTime
	relAddition
)

var connectives = map[relation][]string{
	relContrast: {"Cependant", "Toutefois", "En revanche"},
	relTime:     {"Par la suite"},
	relAddition: {"Par ailleurs", "En outre", "De plus"},
}

// contradiction are the verbs whose use opposes what came before.
var contradiction = map[string]bool{"nier": true, "démentir": true, "rejeter": true,
	"contester": true, "réfuter": true, "refuser": true}

var negationTail = map[string]bool{"pas": true, "jamais": true, "aucun": true, "aucune": true,
	"rien": true, "guère": true, "nullement": true, "plus": true}

// Connect adds a discourse connective at the head of s when its relation
// to prev is clear from cues:
//   - contrast (« Cependant, », « Toutefois, », « En revanche, »): s holds a
//     negation or a verb of denial (nier, démentir, rejeter, contester,
//     réfuter, refuser) that prev does not, and both share a content word;
//   - time (« Par la suite, »): s names a month or year later than every
//     one prev names;
//   - addition (« Par ailleurs, », « En outre, », « De plus, »): the
//     subjects of both share a content word (same actor or topic).
//
// A consequence (« Dès lors, ») is never added: its only reliable cue,
// « donc », is already a transition. Connect refuses when s already
// carries a transition word, starts with a subordinate clause, an adverb,
// a preposition, a conjunction or a quotation, or when no cue is clear.
// The first word of s is lower-cased unless it is a proper noun or an
// acronym. The connective is chosen among its synonyms by a hash of s, so
// the same input always gives the same output.
func Connect(prev, s string) (string, bool) {
	st := parse(s)
	if !st.balanced || len(st.toks) < 3 || IsTransition(s) {
		return s, false
	}
	first := st.toks[0]
	switch first.tag {
	case "SCONJ", "ADV", "CCONJ", "ADP", "ADP+DET", "VERB", "AUX", "INTJ", "PUNCT":
		return s, false
	}
	if first.kind != token.Word && first.kind != token.Elision {
		return s, false
	}
	ps := parse(prev)
	rel := relate(ps, st)
	if rel == relNone {
		return s, false
	}
	body, ok := lowerFirst(s)
	if !ok {
		return s, false
	}
	choices := connectives[rel]
	h := fnv.New32a()
	h.Write([]byte(s))
	return choices[int(h.Sum32()%uint32(len(choices)))] + ", " + body, true
}

// relate finds the relation of cur to prev.
func relate(prev, cur *sentence) relation {
	shared := intersects(contentLemmas(prev.toks, false), contentLemmas(cur.toks, false))
	if shared && opposes(cur) && !opposes(prev) {
		return relContrast
	}
	pd, py := dates(prev)
	cd, cy := dates(cur)
	if len(pd) > 0 && len(cd) > 0 && py == cy && minOf(cd) > maxOf(pd) {
		return relTime
	}
	if !opposes(cur) && intersects(contentLemmas(subject(prev), false), contentLemmas(subject(cur), false)) {
		return relAddition
	}
	return relNone
}

// opposes reports whether a sentence holds a negation or a denial outside
// quotations.
func opposes(st *sentence) bool {
	t := st.toks
	for i, x := range t {
		if x.inQuote {
			continue
		}
		if (x.low == "ne" || x.low == "n'") && i+1 < len(t) {
			for k := i + 1; k < len(t) && k <= i+4; k++ {
				if negationTail[t[k].low] {
					return true
				}
			}
		}
		if x.tag == "VERB" && contradiction[pos.Default().Lemma(x.text, x.tag)] {
			return true
		}
	}
	return false
}

// subject returns the tokens before the first finite verb outside
// quotations.
func subject(st *sentence) []tok {
	for i, x := range st.toks {
		if !x.inQuote && isFinite(x) {
			return st.toks[:i]
		}
	}
	return nil
}

// contentLemmas returns the lemmas of the nouns, proper nouns, adjectives
// and full verbs of toks, inside quotations too when quoted is set.
func contentLemmas(toks []tok, quoted bool) map[string]bool {
	out := map[string]bool{}
	for _, x := range toks {
		if x.inQuote && !quoted {
			continue
		}
		switch x.tag {
		case "NOUN", "PROPN", "VERB", "ADJ":
			l := token.Fold(pos.Default().Lemma(x.text, x.tag))
			if !stopContent[l] {
				out[l] = true
			}
		}
	}
	return out
}

// stopContent are content words too common in news copy to show that two
// sentences share a topic.
var stopContent = map[string]bool{"être": true, "avoir": true, "faire": true, "pouvoir": true,
	"devoir": true, "déclarer": true, "dire": true, "selon": true, "autre": true, "même": true,
	"nombre": true, "an": true, "année": true, "jour": true, "fois": true}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

var months = map[string]int{"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
	"juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12}

// dates returns the months and years a sentence names, as comparable
// numbers: a year alone is year*100, a month with a year year*100+month,
// a month alone its number; the bool says whether years were found, and
// only sentences of the same kind are compared.
func dates(st *sentence) ([]int, bool) {
	var out []int
	t := st.toks
	hasYear := false
	for _, x := range t {
		if x.kind == token.Number && len(x.text) == 4 && (x.text[:2] == "19" || x.text[:2] == "20") {
			hasYear = true
		}
	}
	for i, x := range t {
		if m, ok := months[x.low]; ok && !hasYear {
			// « mars » is also the planet and « mai » a tree, rarely in news
			// copy; a month name needs a preposition or a day before it.
			if i > 0 && (t[i-1].low == "en" || t[i-1].low == "de" || t[i-1].low == "mi" || t[i-1].kind == token.Number) {
				out = append(out, m)
			}
		}
	}
	if hasYear {
		for i, x := range t {
			if x.kind == token.Number && len(x.text) == 4 && (x.text[:2] == "19" || x.text[:2] == "20") {
				y := int(x.text[0]-'0')*1000 + int(x.text[1]-'0')*100 + int(x.text[2]-'0')*10 + int(x.text[3]-'0')
				m := 0
				if i > 0 {
					m = months[t[i-1].low]
				}
				out = append(out, y*100+m)
			}
		}
	}
	return out, hasYear
}

func minOf(v []int) int {
	m := v[0]
	for _, x := range v {
		m = min(m, x)
	}
	return m
}

func maxOf(v []int) int {
	m := v[0]
	for _, x := range v {
		m = max(m, x)
	}
	return m
}
