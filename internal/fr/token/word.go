package token

import (
	"unicode"
	"unicode/utf8"
)

// Joiners seen by scanWord, so that word skips the elision and inversion
// checks for the many words that have neither.
const (
	joinedHyphen uint8 = 1 << iota
	joinedApostrophe
)

// scanWord returns the end of the word that starts at i: word runes joined
// by hyphens (unless between two digits), apostrophes between letters, soft
// hyphens, and & between capitals ("AT&T").
func scanWord(s string, i int) int {
	end, _ := scanWordJoins(s, i)
	return end
}

// scanWordJoins is scanWord that also says which joiners the word holds.
func scanWordJoins(s string, i int) (int, uint8) {
	j := i
	prev := rune(-1)
	var joins uint8
	for j < len(s) {
		r, size := runeAt(s, j)
		if isWordRune(r) {
			prev = r
			j += size
			continue
		}
		nr, nsize := runeAt(s, j+size)
		switch {
		case isHyphen(r):
			if prev >= 0 && isWordRune(nr) && !(isDigit(prev) && isDigit(nr)) {
				j += size + nsize
				prev = nr
				joins |= joinedHyphen
				continue
			}
		case isApostrophe(r), r == '\u00ad':
			if isLetter(prev) && isLetter(nr) {
				j += size + nsize
				prev = nr
				if r != '\u00ad' {
					joins |= joinedApostrophe
				}
				continue
			}
		case r == '&':
			if 'A' <= prev && prev <= 'Z' && 'A' <= nr && nr <= 'Z' {
				j += size + nsize
				prev = nr
				continue
			}
		}
		break
	}
	return j, joins
}

// word emits the tokens of the word that starts at i and that scanWord ends
// at end (elisions, the word, clitic pronouns, or an abbreviation) and
// returns where the next token may start.
func (t *tokenizer) word(i, end int, joins uint8) int {
	s := t.s
	// A dotted acronym's first group has one or two letters.
	if end-i <= 4 && end < len(s) && (s[end] == '.' || s[end] == ' ') {
		if e := dottedEnd(s, i); e > i {
			t.emit(i, e, Abbrev)
			return e
		}
	}
	if end == i { // a lone mark or digit-like rune: keep it as a word
		_, size := runeAt(s, i)
		end = i + size
	}
	var buf [24]byte
	if joins&joinedHyphen != 0 && end-i <= len(buf) && notInversions[string(foldASCIIish(buf[:0], s[i:end]))] {
		t.emit(i, end, Word)
		return end
	}

	// Elisions, from the front: "qu'aujourd'hui" → "qu'" "aujourd'hui".
	p := i
	for joins&joinedApostrophe != 0 {
		a, alen := firstApostrophe(s, p, end)
		if a < 0 || a-p > 6 || !elisionPrefixes[string(foldASCIIish(buf[:0], s[p:a]))] {
			break
		}
		if r, _ := runeAt(s, a+alen); !isVowelOrH(r) {
			break
		}
		t.emit(p, a+alen, Elision)
		p = a + alen
	}

	if joins&joinedHyphen != 0 && t.inversion(p, end) {
		return end
	}

	// An abbreviation takes the period that follows it, unless the period
	// starts an ellipsis.
	if end < len(s) && s[end] == '.' && !(end+1 < len(s) && s[end+1] == '.') {
		switch abbrevOf(s[p : end+1]) {
		case abbrevPrefix, abbrevOrdinary:
			t.emit(p, end+1, Abbrev)
			return end + 1
		case abbrevWordlike:
			if numberOrLowerFollows(s, end+1) {
				t.emit(p, end+1, Abbrev)
				return end + 1
			}
		case abbrevNone:
			if r, size := runeAt(s, p); p+size == end && unicode.IsUpper(r) {
				t.emit(p, end+1, Abbrev) // an initial: "S.", "J."
				return end + 1
			}
		}
	}
	// "n°", "N°", "nº".
	if w := s[p:end]; w == "n" || w == "N" || w == "nº" || w == "Nº" {
		if r, size := runeAt(s, end); r == '°' || r == 'º' {
			t.emit(p, end+size, Abbrev)
			return end + size
		}
		if len(w) > 1 {
			t.emit(p, end, Abbrev)
			return end
		}
	}
	if isRomanOrdinal(s[p:end]) {
		t.emit(p, end, Ordinal)
		return end
	}
	t.emit(p, end, Word)
	return end
}

// inversion splits an inverted verb ("dit-elle", "a-t-il", "dis-le-moi")
// into the verb and its clitic pronouns and reports whether it did.
func (t *tokenizer) inversion(p, end int) bool {
	s := t.s
	// Hyphen positions.
	var hy [8]int
	var hl [8]int
	n := 0
	for j := p; j < end; {
		r, size := runeAt(s, j)
		if isHyphen(r) {
			if n == len(hy) {
				return false
			}
			hy[n], hl[n] = j, size
			n++
		}
		j += size
	}
	if n == 0 {
		return false
	}
	segStart := func(k int) int { // start of segment k (0..n)
		if k == 0 {
			return p
		}
		return hy[k-1] + hl[k-1]
	}
	segEnd := func(k int) int {
		if k == n {
			return end
		}
		return hy[k]
	}
	upperWord := isAllUpper(s[p:end])
	var buf [16]byte
	first := n + 1 // index of the first clitic segment
	for k := n; k >= 1; k-- {
		seg := s[segStart(k):segEnd(k)]
		if len(seg) > len(buf) || !cliticCaseOK(seg, upperWord) || !cliticPronouns[string(foldASCIIish(buf[:0], seg))] {
			break
		}
		first = k
	}
	if first > n {
		return false
	}
	cliticFrom := hy[first-1] // the hyphen before the first clitic
	// Euphonic t: "a-t-il" keeps "-t-" with the pronoun.
	if first >= 2 {
		tseg := s[segStart(first-1):segEnd(first-1)]
		pr := s[segStart(first):segEnd(first)]
		if (tseg == "t" || tseg == "T") && len(pr) <= len(buf) && euphonicTPronouns[string(foldASCIIish(buf[:0], pr))] {
			cliticFrom = hy[first-2]
		}
	}
	verb := s[p:cliticFrom]
	if verb == "" || !allLetters(verb) {
		return false
	}
	t.emit(p, cliticFrom, Word)
	t.emit(cliticFrom, segEnd(first), Clitic)
	for k := first + 1; k <= n; k++ {
		t.emit(hy[k-1], segEnd(k), Clitic)
	}
	return true
}

// cliticCaseOK accepts a pronoun written in lower case, or in capitals
// inside a word written in capitals ("DIT-IL"), so that place names such as
// "Saint-Y" or "Marie-Le" are not split.
func cliticCaseOK(seg string, upperWord bool) bool {
	if upperWord {
		return true
	}
	for _, r := range seg {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// allLetters reports whether s holds only letters, marks, hyphens and
// apostrophes (a verb part never holds digits).
func allLetters(s string) bool {
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsMark(r) || isHyphen(r) || isApostrophe(r)) {
			return false
		}
	}
	return true
}

// firstApostrophe returns the byte offset and size of the first apostrophe
// in s[p:end], or -1.
func firstApostrophe(s string, p, end int) (int, int) {
	for j := p; j < end; {
		r, size := runeAt(s, j)
		if isApostrophe(r) {
			return j, size
		}
		j += size
	}
	return -1, 0
}

func isVowelOrH(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'h',
		'à', 'â', 'ä', 'é', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ö', 'ù', 'û', 'ü', 'ÿ', 'œ', 'æ':
		return true
	}
	return false
}

// foldASCIIish appends s to dst in lower case, with ’ and ʼ written as '.
// It is meant for short keys and map look-ups without allocation.
func foldASCIIish(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			dst = append(dst, byte(r+'a'-'A'))
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		case isApostrophe(r):
			dst = append(dst, '\'')
		case isHyphen(r):
			dst = append(dst, '-')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// abbrevOf classifies w, a word with its final period.
func abbrevOf(w string) abbrevClass {
	if c, ok := caseSensitiveAbbrevs[w]; ok {
		return c
	}
	var buf [24]byte
	if len(w) > len(buf) {
		return abbrevNone
	}
	return foldedAbbrevs[string(foldASCIIish(buf[:0], w))]
}

// numberOrLowerFollows reports whether, after white space, s[i:] goes on
// with a digit, a lower-case letter or a Roman numeral ("vol. II").
func numberOrLowerFollows(s string, i int) bool {
	for i < len(s) {
		r, size := runeAt(s, i)
		if !isBlank(r) {
			break
		}
		i += size
	}
	r, _ := runeAt(s, i)
	if isDigit(r) || unicode.IsLower(r) {
		return true
	}
	j := i
	for j < len(s) && (s[j] == 'I' || s[j] == 'V' || s[j] == 'X' || s[j] == 'L' || s[j] == 'C') {
		j++
	}
	if j == i {
		return false
	}
	nr, _ := runeAt(s, j)
	return !isWordRune(nr)
}

// dottedEnd returns the end of a dotted acronym or multi-part abbreviation
// starting at i ("U.S.", "O.N.U.", "J.-C.", "p.ex.", "c.-à-d."), or i.
func dottedEnd(s string, i int) int {
	if c := s[i] | 0x20; c == 'c' || c == 'p' {
		for _, m := range multiPartAbbrevs {
			if e := i + len(m); e <= len(s) && equalFoldPrefix(s[i:e], m) {
				if r, _ := runeAt(s, e); !isWordRune(r) {
					return e
				}
			}
		}
	}
	j, good, groups := i, i, 0
	for {
		k, letters := j, 0
		for letters < 3 {
			r, size := runeAt(s, k)
			if !isLetter(r) {
				break
			}
			k += size
			letters++
		}
		if letters == 0 || letters > 2 || k >= len(s) || s[k] != '.' {
			break
		}
		if groups++; groups > maxAcronymGroups {
			return i // not an acronym; the bound keeps "a.ba.ba.b…" linear
		}
		j = k + 1
		good = j
		if j+1 < len(s) && s[j] == '-' {
			j++
		}
	}
	if groups < 2 {
		return i
	}
	if r, _ := runeAt(s, good); isWordRune(r) || r == '.' {
		return i
	}
	return good
}

// maxAcronymGroups bounds the letters of a dotted acronym ("O.T.A.N." has 4).
const maxAcronymGroups = 12

// multiPartAbbrevs are abbreviations with inner spaces or hyphens that the
// dotted-acronym scan cannot see.
var multiPartAbbrevs = [...]string{"c.-à-d.", "c.-à-d", "c.à.d.", "p. ex."}

func equalFoldPrefix(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if x != y {
			// "À" (C3 80) against "à" (C3 A0).
			if i > 0 && a[i-1] == 0xC3 && x|0x20 == y {
				continue
			}
			return false
		}
	}
	return true
}

// isRomanOrdinal reports whether w is a Roman numeral with an ordinal
// suffix: "XXIe", "Ier", "Ve". Single L, C, D and M are left out because
// "Le", "Ce", "De" and "Me" are words.
func isRomanOrdinal(w string) bool {
	j := 0
	for j < len(w) && (w[j] == 'I' || w[j] == 'V' || w[j] == 'X' || w[j] == 'L' || w[j] == 'C') {
		j++
	}
	if j == 0 || j == len(w) {
		return false
	}
	if j == 1 && w[0] != 'I' && w[0] != 'V' && w[0] != 'X' {
		return false
	}
	return romanSuffixes[w[j:]]
}

var romanSuffixes = map[string]bool{
	"e": true, "er": true, "re": true, "ère": true, "ème": true, "eme": true,
	"è": true, "es": true, "ers": true, "èmes": true,
}

var ordinalSuffixes = map[string]bool{
	"er": true, "re": true, "ère": true, "e": true, "è": true, "ème": true,
	"eme": true, "nd": true, "nde": true, "nds": true, "ndes": true, "es": true,
	"ers": true, "res": true, "ères": true, "èmes": true, "emes": true, "d": true,
	"de": true,
}
