package rephrase

import (
	"strings"

	"github.com/plume-seo/plume/internal/fr/lexicon"
)

// Two cuts of SplitMore turn a present participle that closes a sentence
// into the verb of a sentence of its own, conjugated by the lexicon:
//
//   - after a comma, the participle says what the subject does besides
//     (French grammar ties a detached participle to the main subject):
//     « Microsoft déclare … qu’il travaille avec les agences, affirmant à
//     ses clients que … » → « Microsoft déclare … qu’il travaille avec les
//     agences. Microsoft affirme à ses clients que … », in the main verb's
//     tense (« a déclaré …, affirmant » → « a affirmé »);
//   - right after a noun phrase with a determiner, it says what that
//     thing does: « … à publier une directive d’urgence demandant aux
//     agences de … » → « … à publier une directive d’urgence. Cette
//     directive demande aux agences de … », in the present (what a
//     directive asks, it still asks), or the imperfect after one.
//
// Both refuse a participle clause that does not run to the end of the
// sentence (a comma after it outside quotations), auxiliaries (« étant »,
// « ayant »), a participle with a pronoun or a negation before it, and
// any reading they cannot make agree.

// presentParticiple returns the lemma of a verb the token is the present
// participle of (« affirmant » → affirmer), never être or avoir.
func presentParticiple(x tok) (string, bool) {
	if x.tag != "VERB" || x.inQuote {
		return "", false
	}
	for _, a := range lexicon.Default().LookupFold(x.low) {
		if a.POS == lexicon.Verb && a.VerbForm == lexicon.Part && a.Tense == lexicon.TensePres &&
			a.Lemma != "être" && a.Lemma != "avoir" {
			return a.Lemma, true
		}
	}
	return "", false
}

// detachedLemmas are the verbs whose detached participle participleSplit
// gives the main subject: those of speech (« affirmant », « précisant
// que ») and of address (« citant », « exhortant »), which only a speaker
// does. Another participle after a comma may be the nearest noun's
// (« une enquête …, visant plusieurs élus »: the inquiry's aim, not the
// prosecutor's act).
func detachedLemma(lemma string) bool {
	return speechLemmas[lemma] || lemma == "citer" || lemma == "exhorter"
}

// runsToEnd reports whether tokens from i to the end hold no comma,
// semicolon or colon outside quotations and parentheses: a participle
// clause that starts at i closes the sentence.
func (st *sentence) runsToEnd(i int) bool {
	depth := 0
	for _, x := range st.toks[i:] {
		switch x.text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		case ",", ";", ":":
			if depth == 0 && !x.inQuote {
				return false
			}
		}
	}
	return true
}

// conjugate returns lemma's one form with the features of the finite verb
// at v — its mood, tense and third-person number —, or ok=false when the
// verb's readings or the lemma's forms leave more than one choice.
func (st *sentence) conjugate(lemma string, v int) (string, bool) {
	var form string
	for _, a := range lexicon.Default().LookupFold(st.toks[v].low) {
		if !a.Finite() || a.Person != 3 {
			continue
		}
		fs := lexicon.Default().Inflect(lemma, lexicon.Analysis{POS: lexicon.Verb, VerbForm: lexicon.Fin,
			Mood: a.Mood, Tense: a.Tense, Person: 3, Number: a.Number})
		if len(fs) != 1 || form != "" && fs[0] != form {
			return "", false
		}
		form = fs[0]
	}
	return form, form != ""
}

// mainVerbFor returns what the participle of lemma becomes in the main
// verb's tense: the same simple tense (« déclare » → « affirme »), or the
// same auxiliary and lemma's past participle when the main verb is a
// compound tense with avoir (« a déclaré » → « a affirmé »).
func (st *sentence) mainVerbFor(lemma string, v int) (string, bool) {
	t := st.toks
	p := v + 1
	if p+1 < len(t) && t[p].tag == "ADV" && !t[p].inQuote {
		p++ // « a également déclaré »
	}
	if p < len(t) && t[v].tag == "AUX" && pastParticiple(t[p]) {
		if !avoirForm(t[v].low) || lexicon.TakesEtre(lemma) {
			return "", false
		}
		ps := lexicon.Default().Inflect(lemma, lexicon.Analysis{POS: lexicon.Verb, VerbForm: lexicon.Part,
			Tense: lexicon.TensePast, Gender: lexicon.Masc, Number: lexicon.Sing})
		if len(ps) != 1 {
			return "", false
		}
		return t[v].low + " " + ps[0], true
	}
	return st.conjugate(lemma, v)
}

// avoirForm reports whether form is a finite form of avoir.
func avoirForm(form string) bool {
	for _, a := range lexicon.Default().LookupFold(form) {
		if a.Lemma == "avoir" && a.Finite() {
			return true
		}
	}
	return false
}

// participleSplit cuts « SUBJ V1 …, Vant … » into « SUBJ V1 …. SUBJ V2 … ».
// Between the main verb and the comma, a subordinate clause may only be a
// « que » clause whose subject is a pronoun (« qu’il travaille »): after
// « que la Maison Blanche … », the participle could be the White House's.
func (st *sentence) participleSplit() []string {
	t := st.toks
	v, pron, negated, ok := st.mainVerb()
	if !ok || negated {
		return nil // a negated main verb is left alone too
	}
	for k := v + 1; k < len(t)-2; k++ {
		x := t[k]
		if x.inQuote {
			continue
		}
		if subordinators[x.low] && !prepositionHere(t, k) {
			if (x.low != "que" && x.low != "qu'") || !subjectPronoun[t[k+1].low] {
				return nil
			}
			continue
		}
		if x.text != "," {
			continue
		}
		lemma, ok := presentParticiple(t[k+1])
		if !ok {
			continue
		}
		if !detachedLemma(lemma) || !st.runsToEnd(k+2) {
			return nil
		}
		verb, ok := st.mainVerbFor(lemma, v)
		if !ok {
			return nil
		}
		one := strings.TrimSpace(st.s[:x.start]) + "."
		two := pron + " " + verb + st.s[t[k+1].end:]
		return checkCut(one, two, true)
	}
	return nil
}

// prepositionHere reports whether the subordinator at k is a preposition
// here: « pour », « sans » and « afin » before anything but « que »
// (« pour les administrateurs », not « pour que »).
func prepositionHere(t []tok, k int) bool {
	switch t[k].low {
	case "pour", "sans", "afin":
		return k+1 >= len(t) || t[k+1].low != "que" && t[k+1].low != "qu'"
	}
	return false
}

// demonstratives open the second piece of nounParticipleSplit: « cette
// directive », « ces agences ».
func demonstrative(g lexicon.Gender, n lexicon.Number, head string) (string, bool) {
	switch {
	case n == lexicon.Plur:
		return "Ces", true
	case g == lexicon.Fem:
		return "Cette", true
	}
	vowel, h := startsWithVowel(head)
	switch {
	case h:
		return "", false // h muet or aspiré: « cet hôpital », « ce héros »
	case vowel:
		return "Cet", true
	}
	return "Ce", true
}

// nounParticipleSplit cuts « … DET N [ADJ | de N]… Vant … » into « … DET
// N …. DEM N V … »: the participle right after a noun phrase whose
// complements are adjectives or bare nouns (« d’urgence »: a complement
// with its own determiner could be what the participle is about). It
// refuses a sentence with reported speech before the participle — a
// « que » clause or « selon » — which the second piece would lose.
func (st *sentence) nounParticipleSplit() []string {
	t := st.toks
	for p := 3; p < len(t)-2; p++ {
		x := t[p]
		if x.inQuote {
			continue
		}
		if x.low == "que" || x.low == "qu'" || x.low == "selon" {
			return nil
		}
		lemma, ok := presentParticiple(x)
		if !ok {
			continue
		}
		h := p - 1
		for h > 1 && !t[h].inQuote {
			if t[h].tag == "NOUN" && (t[h-1].low == "de" || t[h-1].low == "d'") && (t[h-2].tag == "NOUN" || t[h-2].tag == "ADJ") {
				h -= 2
				continue
			}
			if t[h].tag == "ADJ" {
				h--
				continue
			}
			break
		}
		d := h - 1
		for d > 0 && t[d].tag == "ADJ" {
			d--
		}
		if t[h].tag != "NOUN" || t[h].inQuote || d < 1 || t[d].tag != "DET" || t[d].inQuote ||
			t[d-1].low == "de" || t[d-1].low == "d'" {
			return nil // « le rapport de l’agence demandant »: the agency's, or the report's?
		}
		g, n, ok := phraseFeatures(t[d], t[h])
		if !ok || !st.runsToEnd(p+1) || lexicon.IsTimeNoun(t[h].low) || !bareComplementsAgree(t[h+1:p], n) {
			return nil // « la semaine dernière demandant »: the week asks nothing
		}
		dem, ok := demonstrative(g, n, t[h].low)
		if !ok {
			return nil
		}
		verb, ok := st.presentOf(lemma, n)
		if !ok {
			return nil
		}
		one := strings.TrimSpace(st.s[:x.start]) + "."
		two := dem + " " + t[h].text + " " + verb + st.s[x.end:]
		return checkCut(one, two, true)
	}
	return nil
}

// bareComplementsAgree reports whether the nouns of the bare complements
// between a head and its participle have the head's number n: « un
// réseau de trafiquants opérant … » could be the traffickers'.
func bareComplementsAgree(between []tok, n lexicon.Number) bool {
	for _, x := range between {
		if x.tag != "NOUN" {
			continue
		}
		if _, xn, known := nounFeatures(x.low); !known || xn != n && xn != lexicon.NumberInv && xn != 0 {
			return false
		}
	}
	return true
}

// presentOf returns lemma's present indicative third-person form of
// number n, or the imperfect when the sentence's first finite verb is in
// the imperfect (what was asked then).
func (st *sentence) presentOf(lemma string, n lexicon.Number) (string, bool) {
	tense := lexicon.TensePres
	for _, x := range st.toks {
		if x.inQuote || !isFinite(x) {
			continue
		}
		for _, a := range lexicon.Default().LookupFold(x.low) {
			if a.Finite() && a.Tense == lexicon.TenseImp {
				tense = lexicon.TenseImp
			}
		}
		break
	}
	fs := lexicon.Default().Inflect(lemma, lexicon.Analysis{POS: lexicon.Verb, VerbForm: lexicon.Fin,
		Mood: lexicon.MoodInd, Tense: tense, Person: 3, Number: n})
	if len(fs) != 1 {
		return "", false
	}
	return fs[0], true
}
