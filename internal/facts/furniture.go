package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
)

// Furniture reports whether a sentence of a source is page furniture that
// the cleaner kept as text — it cannot tell a campaign page's call to
// action from its prose, and keeps what a reader of the page sees — but
// that no article publishes: a sentence with an e-mail address (a contact
// line), or, without a conjugated verb (as the tagger reads it), one of
//
//   - figures and punctuation with few letters: a live blog's minute
//     markers (« 95'88'88'81'… »), a scoreboard;
//   - a label in capitals: a word of five letters or more in capitals that
//     the lexicon knows in lower case (« EFFECTIFS Y. Wissa T. Fontaine »);
//     acronyms (« CGT », « HCERES ») are not words the lexicon knows. A
//     line mostly in capitals with such a word is a slogan, its verbs
//     included (« DONNEZ, PARTAGEZ, INVESTISSEZ DANS LA LUTTE ! »);
//   - an instruction to the page's reader: an infinitive first
//     (« Remplir et renvoyer le bulletin ci-dessous », « Voir les messages
//     en ligne », « Télécharger »);
//   - a roster: six words or more, most of them capitalised after the
//     first, and initials (« Remplaçants 29P. Hamel
//     U. Bozok 27A. Grbić J. Hergault M. Dreyer »); a caption of names
//     without initials (« La Provence, Corse Martin et Nice Matin ») is
//     not one.
func Furniture(s string) bool {
	letters, others := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case !unicode.IsSpace(r):
			others++
		}
	}
	if letters == 0 {
		return true
	}
	if strings.Contains(s, "@") && emailLike(s) {
		return true
	}
	if letters >= others && !mayBeFurniture(s) {
		return false // most sentences: no shape below can match
	}
	lex := lexicon.Default()
	var words []token.Token
	for _, t := range token.Tokenize(s) {
		if t.Kind.IsWord() {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return true
	}
	shouted, upper := false, 0
	for _, t := range words {
		if allUpper(t.Text) {
			upper++
		}
		if utf8.RuneCountInString(t.Text) >= 5 && allUpper(t.Text) && lex.Has(strings.ToLower(t.Text)) {
			shouted = true
		}
	}
	if shouted && 10*upper >= 6*len(words) {
		return true // a slogan: its verbs are in capitals too (« DONNEZ, PARTAGEZ »)
	}
	infinitive := false
	for _, a := range lex.LookupFold(words[0].Text) {
		if a.VerbForm == lexicon.Inf {
			infinitive = true
		}
	}
	capitals, initials := 0, 0
	for _, t := range words[1:] {
		if token.StartsUpper(t.Text) {
			capitals++
		}
		if end := t.End; end < len(s) && s[end] == '.' && utf8.RuneCountInString(strings.TrimLeft(t.Text, "0123456789")) == 1 && token.StartsUpper(strings.TrimLeft(t.Text, "0123456789")) {
			initials++ // « J. », « 29P. »
		}
	}
	roster := len(words) >= 6 && 10*capitals >= 6*(len(words)-1) && initials >= 2
	// Each of these shapes is furniture only without a conjugated verb: a
	// sentence with one is prose, however many figures it holds (« Le
	// CAC 40 a terminé à 7 512,35 points (+1,25 %) le 12/03/2024. ») or
	// however its brand is written (« Le groupe ORANGE a annoncé … »).
	if !(letters < others || shouted || infinitive || roster) {
		return false
	}
	return !hasFiniteVerb(words)
}

// mayBeFurniture is a cheap look at s's words for the shapes Furniture
// needs the tokenizer, the lexicon and the tagger to confirm: a first
// word that may be an infinitive (-r, -re), a word of five capitals, or
// two initials.
func mayBeFurniture(s string) bool {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return true
	}
	first := strings.ToLower(strings.TrimFunc(fields[0], func(r rune) bool { return !unicode.IsLetter(r) }))
	if strings.HasSuffix(first, "r") || strings.HasSuffix(first, "re") {
		return true
	}
	initials := 0
	for _, f := range fields {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) >= 5 && allUpper(w) {
			return true
		}
		if strings.HasSuffix(f, ".") && utf8.RuneCountInString(w) == 1 {
			initials++
		}
	}
	return initials >= 2
}

// HasFiniteVerb reports whether the tagger reads a conjugated verb in s,
// quotations included.
func HasFiniteVerb(s string) bool {
	var words []token.Token
	for _, t := range token.Tokenize(s) {
		if t.Kind.IsWord() {
			words = append(words, t)
		}
	}
	return hasFiniteVerb(words)
}

// hasFiniteVerb reports whether the tagger reads a conjugated verb among
// words.
func hasFiniteVerb(words []token.Token) bool {
	forms := make([]string, len(words))
	for i, t := range words {
		forms[i] = t.Text
	}
	for i, tag := range pos.Default().Tag(forms) {
		if (tag == "VERB" || tag == "AUX") && lexicon.Default().FiniteFold(forms[i]) {
			return true
		}
	}
	return false
}

// allUpper reports whether every letter of w is a capital.
func allUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// emailLike reports whether s holds a word of the form name@domain.tld.
func emailLike(s string) bool {
	for _, f := range strings.Fields(s) {
		f = strings.Trim(f, ".,;:()<>«»\"'")
		f = strings.ReplaceAll(f, `\@`, "@")
		at := strings.IndexByte(f, '@')
		if at > 0 && strings.Contains(f[at+1:], ".") && !strings.HasSuffix(f, "@") {
			return true
		}
	}
	return false
}
