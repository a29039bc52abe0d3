package syllable

import (
	"strings"
	"unicode"
)

// Count returns the number of syllables of a French word, as used by
// reading-ease formulas. The convention is that of careful diction: a final
// mute e is silent ("table" = 1, "pirates" = 2), an inner one is counted as
// written ("samedi" = 3, "rapidement" = 4).
//
// Heuristics, in the order they apply:
//   - Apostrophes and hyphens split the word into parts counted alone
//     ("aujourd'hui" = 2 + 1, "après-midi" = 2 + 2); an elided "l'" adds nothing.
//   - A syllable is a maximal group of vowel letters (a e i o u y, accented,
//     œ and æ): "ai", "au", "eau", "ei", "ou", "oi", "eu", "œu", "ui", "ie",
//     "io" are one syllable ("nation" = 2, "situation" = 3).
//   - u after q, and after g before e/i/y, only marks the consonant
//     ("guerre", "qui"); e after g before a/o/u only softens it ("mangeons").
//     y starting a word before a vowel is a consonant ("yeux").
//   - Final -e and -es are silent, and so is the verbal -ent of the third
//     person plural ("ils parlent" = 1, "étaient" = 2). A word in -ent is
//     taken as a verb unless it ends in -ment (adverbs and nouns:
//     "rapidement", "gouvernement"; a short list of -ment verbs such as
//     "affirment" is the exception), is capitalised (names: "Laurent"), has
//     four letters or fewer ("lent", "dent"), or is on a list of about a
//     hundred common nouns and adjectives ("client", "souvent", "président").
//   - Hiatus splits a vowel group: before or after é ("réaction", "théâtre",
//     "créé") except in "ié" ("pitié"); before ë ï ü ("Noël", "naïf"); in
//     "oè" ("poète"), "ao" ("chaos", not "août"), "oa" ("oasis"), "oe" not
//     followed by u ("coefficient"); before y between vowels ("payer",
//     "voyage"); after i or u that follow a consonant + l/r cluster
//     ("ouvrier", "client", "cruel", "influence"), the French diérèse.
//   - "pays" and its family count one more ("pays" = 2, "paysage" = 3).
//
// English loanwords are counted as if French, which is close for most
// ("cloud", "tweet", "hacker") and one off for some ("business", "LinkedIn").
// A token with digits and no letters counts 1, one without letters or digits 0.
func Count(word string) int {
	total, letters, digits := 0, false, false
	start := 0
	for i, r := range word {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '-' || r == '‑':
			total += countPart(word[start:i])
			start = i + len(string(r))
		case unicode.IsLetter(r):
			letters = true
		case unicode.IsDigit(r):
			digits = true
		}
	}
	total += countPart(word[start:])
	if total == 0 && (letters || digits) {
		return 1
	}
	return total
}

// countPart counts one part of a word, with no apostrophe or hyphen in it.
func countPart(part string) int {
	if part == "" {
		return 0
	}
	capital := false
	// Buffers on the stack for ordinary words; append grows them for longer ones.
	var rbuf [40]rune
	var vbuf [40]bool
	r := rbuf[:0]
	for k, c := range part {
		if !unicode.IsLetter(c) {
			continue
		}
		if k == 0 && unicode.IsUpper(c) {
			capital = true
		}
		c = unicode.ToLower(c)
		if c == 'œ' || c == 'æ' {
			c = 'ø' // one plain vowel, with none of the rules of o or e
		}
		r = append(r, c)
	}
	n := len(r)
	if n == 0 {
		return 0
	}
	vowel := vbuf[:0]
	for range n {
		vowel = append(vowel, false)
	}
	for k, c := range r {
		vowel[k] = isVowel(c)
		switch {
		case c == 'u' && k > 0 && r[k-1] == 'q':
			vowel[k] = false
		case c == 'u' && k > 0 && r[k-1] == 'g' && k+1 < n && strings.ContainsRune("eéèêiîy", r[k+1]):
			vowel[k] = false
		case c == 'e' && k > 0 && r[k-1] == 'g' && k+1 < n && strings.ContainsRune("aou", r[k+1]):
			vowel[k] = false
		case c == 'y' && k == 0 && n > 1 && isVowel(r[1]):
			vowel[k] = false
		}
	}
	// Silent endings.
	switch {
	case n > 3 && r[n-3] == 'e' && r[n-2] == 'n' && r[n-1] == 't':
		if verbalEnt(r, capital) {
			vowel[n-3] = false
		}
	case n > 2 && r[n-2] == 'e' && r[n-1] == 's':
		vowel[n-2] = false
	case n > 1 && r[n-1] == 'e':
		vowel[n-1] = false
	}
	count := 0
	for k := 0; k < n; k++ {
		if !vowel[k] {
			continue
		}
		if k == 0 || !vowel[k-1] || hiatus(r, vowel, k) {
			count++
		}
	}
	if n >= 4 && r[0] == 'p' && r[1] == 'a' && r[2] == 'y' && r[3] == 's' {
		count++
	}
	return count
}

func isVowel(c rune) bool {
	return strings.ContainsRune("aeiouyàâäéèêëîïôöùûüÿø", c)
}

// muta are the consonants that, followed by l or r, make the next i or u a
// full syllable (diérèse): "ouvrier", "client", "cruel".
const muta = "bcdfgkptv"

// hiatus reports whether the vowels at k-1 and k belong to two syllables.
func hiatus(r []rune, vowel []bool, k int) bool {
	a, b := r[k-1], r[k]
	next := rune(0)
	if k+1 < len(r) {
		next = r[k+1]
	}
	switch {
	case b == 'ë' || b == 'ï' || b == 'ü':
		return true
	case b == 'é' && a == 'i':
		return k >= 3 && (r[k-2] == 'l' || r[k-2] == 'r') && strings.ContainsRune(muta, r[k-3])
	case a == 'é' || b == 'é':
		return true
	case a == 'o' && b == 'è':
		return true
	case a == 'a' && b == 'o':
		return next != 'u' && next != 'û'
	case a == 'o' && b == 'a':
		return true
	case a == 'o' && b == 'e':
		return next != 'u'
	case b == 'y':
		return k+1 < len(r) && vowel[k+1]
	case (a == 'i' || a == 'u') && k >= 3 && (r[k-2] == 'l' || r[k-2] == 'r') && strings.ContainsRune(muta, r[k-3]):
		return !(a == 'u' && b == 'i')
	}
	return false
}

// verbalEnt decides whether the final -ent of w is the silent ending of a
// third person plural verb.
func verbalEnt(r []rune, capital bool) bool {
	if capital || len(r) <= 4 {
		return false
	}
	w := string(r)
	switch {
	case strings.HasSuffix(w, "aient"):
		return true
	case strings.HasSuffix(w, "ment"):
		return mentVerbs[w]
	}
	return !entWords[w]
}

// mentVerbs are common verbs whose third person plural ends in -ment.
// Written by the plume authors.
var mentVerbs = setOf(
	"aiment", "affirment", "confirment", "estiment", "expriment", "impriment", "suppriment",
	"dorment", "ferment", "forment", "informent", "transforment", "réforment", "arment", "désarment",
	"calment", "nomment", "consomment", "assument", "résument", "animent", "sèment", "priment",
	"enferment", "déforment", "alarment",
)

// entWords are common French nouns, adjectives and adverbs ending in -ent,
// whose ending is heard. Written by the plume authors.
var entWords = setOf(
	"absent", "accent", "accident", "adhérent", "adjacent", "adolescent", "agent", "apparent",
	"ardent", "argent", "arpent", "auvent", "avent", "client", "coefficient", "cohérent",
	"compétent", "concurrent", "confluent", "conscient", "content", "continent", "convergent",
	"couvent", "décent", "déficient", "détergent", "différent", "diligent", "divergent",
	"éloquent", "éminent", "entregent", "équivalent", "évent", "évident", "excellent", "expédient",
	"fervent", "fluorescent", "fréquent", "impatient", "imprudent", "impudent", "incident",
	"incohérent", "incompétent", "inconscient", "inconvénient", "indécent", "indifférent",
	"indigent", "indulgent", "inhérent", "innocent", "insolent", "intelligent", "intermittent",
	"malcontent", "mécontent", "négligent", "occident", "omnipotent", "onguent", "opulent",
	"orient", "parent", "patent", "patient", "permanent", "pertinent", "précédent", "présent",
	"président", "prudent", "quotient", "récent", "récipient", "régent", "résident", "sergent",
	"serpent", "souvent", "strident", "subséquent", "succulent", "talent", "torrent", "transparent",
	"turbulent", "urgent", "violent", "virulent", "vice-président", "ingrédient", "efficient",
	"émergent", "décadent", "antécédent", "omniprésent", "astringent", "contingent", "dissident",
	"effervescent", "grandiloquent", "insurgent",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
