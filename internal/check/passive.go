package check

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
)

// PassiveVoice checks the share of sentences in the passive voice (§3.5).
// In exact mode it follows Yoast's periphrastic rule (a form of être, then a
// word that looks like a participle, in the same clause); in forms mode it
// reads the sentence with the tagger and the lexicon: être + a past
// participle agreeing in number, not after a reflexive pronoun, not one of
// the verbs conjugated with être (« il est arrivé » is active), not a state
// adjective (« la ville est située »).
type PassiveVoice struct{ base }

// Run implements Check.
func (c *PassiveVoice) Run(d *Document) (Result, bool) {
	total, passive := 0, 0
	for _, s := range d.plainSentences() {
		total++
		if d.memo.isPassive(s, d.Mode) {
			passive++
		}
	}
	q := 0.0
	if total > 0 {
		q = r1(float64(passive) / float64(total) * 100)
	}
	switch {
	case q <= 10:
		return res(d, 9, "%.1f %% des phrases sont à la voix passive : bien.", "%.1f%% of sentences are passive: good.", q)
	case q <= 15:
		return res(d, 6, "%.1f %% des phrases sont à la voix passive : visez 10 %% au plus.", "%.1f%% of sentences are passive: aim for 10%% at most.", q)
	}
	return res(d, 3, "%.1f %% des phrases sont à la voix passive : préférez la voix active.", "%.1f%% of sentences are passive: prefer the active voice.", q)
}

func isPassive(s string, m Mode) bool {
	if m == Exact {
		return passiveYoast(s)
	}
	return passiveFrench(s)
}

// etreForms are the forms of être, from the lexicon.
var etreForms = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, f := range lexicon.Default().Forms("être") {
		set[strings.ToLower(f)] = true
	}
	return set
})

var reflexives = map[string]bool{"se": true, "s'": true, "me": true, "m'": true, "te": true, "t'": true, "nous": true, "vous": true}

// articles after être that mark a noun phrase, not a participle (« est la
// cause »); Yoast's rule names these four.
var articles = map[string]bool{"le": true, "la": true, "les": true, "une": true}

// passiveYoast is Yoast's rule (docs/yoast-rules.md §3.5).
func passiveYoast(s string) bool {
	t := normQuotes(strings.ToLower(s))
	var clause []string
	flush := func() bool {
		ok := clausePassive(clause)
		clause = clause[:0]
		return ok
	}
	for _, f := range strings.Fields(t) {
		comma := strings.HasSuffix(f, ",")
		w := strings.TrimFunc(f, func(r rune) bool { return isPunct(r) && r != '\'' })
		w = strings.Trim(w, "'")
		if opensClause(w) && len(clause) > 0 {
			if flush() {
				return true
			}
		}
		if w != "" {
			clause = append(clause, w)
		}
		if comma && flush() {
			return true
		}
	}
	return flush()
}

func clausePassive(ws []string) bool {
	for i, w := range ws {
		aux := w
		for _, e := range []string{"n'", "d'", "qu'"} {
			if strings.HasPrefix(aux, e) {
				aux = aux[len(e):]
			}
		}
		if !etreForms()[aux] || aux == "étant" {
			continue
		}
		if strings.HasPrefix(w, "s'") || (i > 0 && reflexives[ws[i-1]]) {
			continue
		}
		if i+1 < len(ws) && articles[ws[i+1]] {
			continue
		}
		// The first participle after the auxiliary decides: « il est
		// arrivé » is a compound tense of a verb conjugated with être.
		for _, p := range ws[i+1:] {
			if looksParticiple(p) {
				if etreVerbParticiple(p) {
					break
				}
				return true
			}
		}
	}
	return false
}

// looksParticiple is Yoast's participle test, with the lexicon standing in
// for its exception lists: a word in -é, -ée, -és, -ées, or a past
// participle of another ending, unless the lexicon knows the word only as
// something else (« année », « société »).
func looksParticiple(w string) bool {
	if strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "d'") || utf8.RuneCountInString(w) < 2 {
		return false
	}
	if strings.Contains(w, "'") || strings.Contains(w, "-") {
		return false
	}
	lex := lexicon.Default()
	regular := strings.HasSuffix(w, "é") || strings.HasSuffix(w, "ée") || strings.HasSuffix(w, "és") || strings.HasSuffix(w, "ées")
	as := lex.Lookup(w)
	if len(as) == 0 {
		return regular
	}
	for _, a := range as {
		if a.PastParticiple() {
			return true
		}
	}
	return false
}

// etreVerbParticiple reports a past participle of a verb conjugated with
// être (« arrivé », « revenus »).
func etreVerbParticiple(w string) bool {
	for _, a := range lexicon.Default().Lookup(w) {
		if a.VerbForm == lexicon.Part && lexicon.TakesEtre(a.Lemma) {
			return true
		}
	}
	return false
}

// locationVerbs and compositionVerbs describe a state, not an action, with
// être: « le siège est situé à Lyon », « le jury est composé de sept
// membres ». Two small semantic classes, not an exception list of forms.
var (
	locationVerbs    = map[string]bool{"situer": true, "localiser": true, "implanter": true, "baser": true, "domicilier": true}
	compositionVerbs = map[string]bool{"composer": true, "constituer": true, "former": true, "doter": true, "équiper": true, "munir": true}
)

// passiveFrench is plume's reading of the passive with the tagger.
func passiveFrench(s string) bool {
	words := token.Words(s)
	lex := lexicon.Default()
	cand := false
	for _, w := range words {
		if etreForms()[strings.ToLower(w)] {
			cand = true
			break
		}
	}
	if !cand {
		return false
	}
	var tags []string
	var buf []lexicon.Analysis
	for i, w := range words {
		lw := strings.ToLower(w)
		if !etreForms()[lw] || lw == "étant" {
			continue
		}
		if i > 0 {
			prev := strings.ToLower(strings.ReplaceAll(words[i-1], "’", "'"))
			if prev == "se" || prev == "s'" || prev == "me" || prev == "m'" || prev == "te" || prev == "t'" {
				continue
			}
			if (prev == "nous" || prev == "vous") && i > 1 && strings.EqualFold(words[i-2], prev) {
				continue
			}
		}
		auxNum := lexicon.NumberNone
		finite := false
		buf = lex.AppendLookup(buf[:0], lw)
		for _, a := range buf {
			if a.Lemma == "être" && a.VerbForm == lexicon.Fin {
				auxNum, finite = a.Number, true
				break
			}
		}
		// Skip adverbs and negation between the auxiliary and the participle.
		j := i + 1
		for j < len(words) && isAdverbish(lex, words[j]) {
			j++
		}
		if j >= len(words) {
			continue
		}
		p := strings.ToLower(words[j])
		if etreForms()[p] { // « a été », « est été »: the participle follows
			continue
		}
		buf = lex.AppendLookup(buf[:0], p)
		next := ""
		if j+1 < len(words) {
			next = strings.ToLower(strings.ReplaceAll(words[j+1], "’", "'"))
		}
		part, agrees, etreVerb, state := false, false, false, false
		for _, a := range buf {
			if a.VerbForm != lexicon.Part || a.Tense != lexicon.TensePast {
				continue
			}
			part = true
			if lexicon.TakesEtre(a.Lemma) {
				etreVerb = true
			}
			if (locationVerbs[a.Lemma] && next != "par") || (compositionVerbs[a.Lemma] && (next == "de" || next == "d'")) {
				state = true
			}
			if auxNum == lexicon.NumberNone || a.Number == lexicon.NumberNone || a.Number == lexicon.NumberInv || a.Number == auxNum {
				agrees = true
			}
		}
		if !part || !agrees || state || (etreVerb && finite) {
			continue
		}
		if tags == nil {
			tags = pos.Default().Tag(words)
		}
		agent := j+1 < len(words) && strings.EqualFold(words[j+1], "par")
		if j < len(tags) && tags[j] == "ADJ" && !agent {
			continue // a state: « la ville est située au nord »
		}
		return true
	}
	return false
}

func isAdverbish(lex *lexicon.Lexicon, w string) bool {
	switch strings.ToLower(strings.ReplaceAll(w, "’", "'")) {
	case "ne", "n'", "pas", "plus", "jamais", "guère", "point", "toujours", "déjà", "souvent", "aussi",
		"également", "bien", "très", "peut-être", "sans", "doute", "désormais", "parfois", "enfin", "encore", "vite", "rapidement", "notamment":
		return true
	}
	return false
}

// IsPassive reports whether a sentence is in the passive voice as the
// passive voice check reads it in mode m, so that a writer can prefer
// another sentence or put the passive part in a short one.
func IsPassive(s string, m Mode) bool { return isPassive(s, m) }

// LooksPassive reports whether a sentence is in the passive voice by
// plume's French reading or by Yoast's rule (« est situé », « sont
// partis » are passive to Yoast only). A writer avoids both: the editor
// publishes under Yoast's verdict, the reader reads plume's.
func LooksPassive(s string) bool { return isPassive(s, Forms) || isPassive(s, Exact) }
