package write

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/plan"
)

// The patterns of this file build headings, titles and questions from noun
// phrases and names with the determiners and agreement French requires.
// Each is grammatical by construction; none adds a fact.

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases the first letter of s unless the first word is a
// name or an acronym.
func lowerFirst(s string) string {
	first := strings.Fields(s)
	if len(first) == 0 {
		return s
	}
	w := strings.Trim(first[0], ",.:;«»")
	if i := strings.IndexAny(w, "’'"); i > 0 && elidedWords[strings.ToLower(w[:i])] {
		_, size := utf8.DecodeRuneInString(w[i:])
		if rest := w[i+size:]; rest == "" || !isNameWord(rest) {
			return strings.ToLower(s[:1]) + s[1:] // an elided word: « l’ », « c’est », « qu’il »
		}
		return s // a name: « N’Golo Kanté », « N’Djamena », « D’Artagnan »
	}
	if isNameWord(w) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// elidedWords are the words French elides before a vowel.
var elidedWords = map[string]bool{"l": true, "d": true, "c": true, "j": true, "n": true, "s": true,
	"m": true, "t": true, "qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true}

// isNameWord reports whether a capitalised word is a name rather than a
// common word capitalised by position: the lexicon does not know it in
// lower case, or knows it as a proper name, or it is an acronym.
func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if isAcronym(w) {
		return true
	}
	lex := lexicon.Default()
	return lex.IsProperName(w) || !lex.Has(strings.ToLower(w))
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

func startsWithVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.ToLower(s))
	return strings.ContainsRune("aâàeéèêëiîïoôuûùyœh", r)
}

// de joins "de" to a phrase with elision: "de Microsoft", "d'Exchange".
func de(s string) string {
	if startsWithVowel(s) && !strings.HasPrefix(strings.ToLower(s), "h") {
		return "d’" + s
	}
	return "de " + s
}

// keyphraseForm writes a keyphrase the way a heading says it: the common
// nouns first, then "de" and the name ("piratage de Microsoft Exchange").
// A keyphrase of names only, or of common words only, is kept as it is.
func keyphraseForm(words []string) string { return keyphraseFormIn(words, nil) }

// keyphraseFormIn is keyphraseForm with the connective the texts use
// between the noun and the name, when they use one (« présidence du
// HCERES », « croissance du PIB »: the name takes an article).
func keyphraseFormIn(words []string, texts []string) string {
	split := -1
	for i, w := range words {
		if isNameWord(w) {
			split = i
			break
		}
	}
	if split <= 0 {
		return strings.Join(words, " ")
	}
	for _, w := range words[:split] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return strings.Join(words, " ") // a name of several words
		}
	}
	if f := plan.WrittenForm(words, texts); f != strings.Join(words, " ") {
		return f // the connective the texts use
	}
	noun, name := strings.Join(words[:split], " "), strings.Join(words[split:], " ")
	return noun + " " + deArticle(name)
}

// deArticle is « de » before a name, contracted with the article the name
// takes: « de Microsoft », « du PIB », « de la CGT », « des États-Unis ».
func deArticle(name string) string {
	art := withArticle(name)
	switch {
	case art == name:
		return de(name)
	case strings.HasPrefix(art, "le "):
		return "du " + name
	case strings.HasPrefix(art, "les "):
		return "des " + name
	}
	return "de " + art
}

// withDeterminer puts the definite article a common noun phrase needs in
// front of it ("la directive d'urgence", "l'agence", "les serveurs").
// Names and acronyms keep their own usage and get none.
func withDeterminer(p chunk.Phrase) string {
	if p.Kind != chunk.Common {
		return withArticle(p.Text)
	}
	g, n := genderNumber(p.Head)
	if n == lexicon.NumberInv {
		// « propos », « prix »: the adjective after it tells (« les
		// propos controversés »).
		n = numberAfter(p.Text, p.Head)
	}
	switch {
	case n == lexicon.Plur:
		return "les " + p.Text
	case startsWithVowel(p.Text) && !strings.HasPrefix(strings.ToLower(p.Text), "h"):
		return "l’" + p.Text
	case g == lexicon.Fem:
		return "la " + p.Text
	}
	return "le " + p.Text
}

// withArticle gives a name the article French gives it: a country the
// lexicon knows as a capitalised noun with a gender (« la Russie », « les
// États-Unis », « le Japon »), a name whose first word is a common noun
// (« la Maison Blanche »); a city, a person or a company takes none
// (« Moscou », « Jake Sullivan », « Microsoft »).
func withArticle(name string) string {
	head := name
	if i := strings.IndexAny(name, " \u00a0"); i > 0 {
		// A name made on a common noun takes that noun's article: « la
		// Maison Blanche », « le Conseil de sécurité nationale ».
		head = strings.ToLower(name[:i])
		if !token.StartsUpper(name) {
			return name
		}
	}
	for _, a := range lexicon.Default().Lookup(head) {
		if a.POS != lexicon.Noun {
			continue
		}
		switch {
		case a.Number == lexicon.Plur:
			return "les " + name
		case startsWithVowel(name):
			return "l’" + name
		case a.Gender == lexicon.Fem:
			return "la " + name
		case a.Gender == lexicon.Masc:
			return "le " + name
		}
	}
	return name
}

// genderNumber reads a noun's gender and number from the lexicon.
func genderNumber(noun string) (lexicon.Gender, lexicon.Number) {
	for _, a := range lexicon.Default().LookupFold(noun) {
		if a.POS == lexicon.Noun {
			return a.Gender, a.Number
		}
	}
	if strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "x") {
		return lexicon.Masc, lexicon.Plur
	}
	return lexicon.Masc, lexicon.Sing
}

// numberAfter returns the number of the first word after head in phrase
// that the lexicon reads as an adjective or a participle of one number
// only, or 0.
func numberAfter(phrase, head string) lexicon.Number {
	words := strings.Fields(phrase)
	for i, w := range words {
		if !strings.EqualFold(w, head) {
			continue
		}
		for _, next := range words[i+1:] {
			var n lexicon.Number
			for _, a := range lexicon.Default().LookupFold(next) {
				if a.POS != lexicon.Adj && a.POS != lexicon.Verb {
					continue
				}
				if n != 0 && a.Number != n {
					return 0
				}
				n = a.Number
			}
			return n
		}
	}
	return 0
}

// agree gives an adjective or participle the noun's gender and number:
// agree("concerné", "organisations") = "concernées".
func agree(masc, noun string) string {
	g, n := genderNumber(noun)
	out := masc
	if g == lexicon.Fem {
		out += "e"
	}
	if n == lexicon.Plur {
		out += "s"
	}
	return out
}

// nbsp is the no-break space French puts before « ? » « ! » « : ».
const nbsp = "\u00a0"

// question ends a question with the French spacing.
func question(s string) string {
	return strings.TrimRight(s, " ?") + nbsp + "?"
}

// agrees reports whether a common noun phrase's last word, when it is an
// adjective, agrees with the head noun in gender and number. The chunker
// may cut a phrase where the adjective belongs to another noun
// (« l'application de la loi américains »); such a phrase makes no heading.
func agrees(p chunk.Phrase) bool {
	if p.Kind != chunk.Common {
		return true
	}
	words := strings.Fields(p.Text)
	if len(words) < 2 {
		return true
	}
	last := words[len(words)-1]
	lex := lexicon.Default()
	var adj []lexicon.Analysis
	for _, a := range lex.LookupFold(last) {
		if a.POS == lexicon.Adj {
			adj = append(adj, a)
		}
	}
	if len(adj) == 0 {
		return true
	}
	// The noun the adjective follows is the nearest noun before it.
	var noun string
	for i := len(words) - 2; i >= 0 && noun == ""; i-- {
		for _, a := range lex.LookupFold(stripElision(words[i])) {
			if a.POS == lexicon.Noun {
				noun = words[i]
				break
			}
		}
	}
	if noun == "" {
		return true
	}
	g, n := genderNumber(stripElision(noun))
	for _, a := range adj {
		gOK := a.Gender == g || a.Gender == lexicon.Epicene || a.Gender == lexicon.GenderNone || g == lexicon.GenderNone
		nOK := a.Number == n || a.Number == lexicon.NumberInv || a.Number == lexicon.NumberNone || n == lexicon.NumberNone || n == lexicon.NumberInv
		if gOK && nOK {
			return true
		}
	}
	return false
}

// stripElision removes an elided article or preposition: « l’agence » →
// « agence ».
func stripElision(w string) string {
	for _, p := range []string{"l’", "d’", "l'", "d'", "L’", "D’", "L'", "D'"} {
		if strings.HasPrefix(w, p) {
			return w[len(p):]
		}
	}
	return w
}
