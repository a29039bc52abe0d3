package token

import (
	"unicode"
)

// digitsEnd returns the end of the run of ASCII digits at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isASCIIDigit(s[i]) {
		i++
	}
	return i
}

// groupSep returns the end of a digit-group separator at i: a space, a
// no-break space U+00A0, a narrow no-break space U+202F or a thin space
// U+2009.
func groupSep(s string, i int) int {
	if i < len(s) && s[i] == ' ' {
		return i + 1
	}
	if i+2 <= len(s) && s[i] == 0xC2 && s[i+1] == 0xA0 {
		return i + 2
	}
	if i+3 <= len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xAF || s[i+2] == 0x89) {
		return i + 3
	}
	return -1
}

// number emits the number, ordinal or alphanumeric word that starts with an
// ASCII digit at i.
func (t *tokenizer) number(i int) int {
	s := t.s
	j := digitsEnd(s, i)
	plain := true
	if j-i <= 3 {
		for {
			k := groupSep(s, j)
			if k < 0 || k+3 > len(s) || !isASCIIDigit(s[k]) || !isASCIIDigit(s[k+1]) || !isASCIIDigit(s[k+2]) ||
				(k+3 < len(s) && isASCIIDigit(s[k+3])) {
				break
			}
			j = k + 3
			plain = false
		}
	}
	for j+1 < len(s) && (s[j] == ',' || s[j] == '.') && isASCIIDigit(s[j+1]) {
		j = digitsEnd(s, j+1)
		plain = false
	}
	if plain {
		// 14h30, 14h
		if j < len(s) && (s[j] == 'h' || s[j] == 'H') {
			d := digitsEnd(s, j+1)
			if r, _ := runeAt(s, d); d-(j+1) <= 2 && !isWordRune(r) {
				t.emit(i, d, Number)
				return d
			}
		}
		// 14:30, 24/7, 12/03/2021
		for j+1 < len(s) && (s[j] == ':' || s[j] == '/') && isASCIIDigit(s[j+1]) {
			j = digitsEnd(s, j+1)
			plain = false
		}
	}
	if plain {
		// 1er, 2e, 3ème
		k := j
		for k < len(s) {
			r, size := runeAt(s, k)
			if !isLetter(r) {
				break
			}
			k += size
		}
		if k > j {
			if r, _ := runeAt(s, k); ordinalSuffixes[s[j:k]] && !isWordRune(r) {
				t.emit(i, k, Ordinal)
				return k
			}
		}
	}
	if plain {
		// Digits glued to letters make a word: 5G, 3D, 100km, 0558-Storm.
		r, size := runeAt(s, j)
		nr, _ := runeAt(s, j+size)
		if isLetter(r) || unicode.IsMark(r) || isHyphen(r) && isLetter(nr) {
			end, joins := scanWordJoins(s, i)
			return t.word(i, end, joins)
		}
	}
	t.emit(i, j, Number)
	return j
}
