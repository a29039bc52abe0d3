package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splicedHeads are the capitalised subjects that open the pasted sentence
// in Spliced.
var splicedHeads = []string{"C’est", "C'est", "Il", "Elle", "Ils", "Elles", "Nous", "Je", "On"}

// Spliced reports whether a sentence's text was cut and pasted into
// another: a word in lower case, then a capitalised subject pronoun and a
// word, one space apart (« … dont nous avons besoin pour C’est une menace
// active … » in 000: two sentences of the source pasted over each other).
// It cannot be published as the sources wrote it, and a quotation cannot
// be mended, so the writers leave it out.
func Spliced(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0; {
		rest := s[i+1:]
		for _, h := range splicedHeads {
			if len(rest) > len(h)+1 && strings.HasPrefix(rest, h) && rest[len(h)] == ' ' {
				if r, _ := utf8.DecodeRuneInString(rest[len(h)+1:]); unicode.IsLetter(r) && lowerWordBefore(s[:i]) {
					return true
				}
			}
		}
		j := strings.IndexByte(rest, ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// lowerWordBefore reports whether s ends with a whole word in lower-case
// letters: one or more, after the start or a character that is neither a
// letter nor an apostrophe.
func lowerWordBefore(s string) bool {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.IsLower(r) {
			return n > 0 && !unicode.IsLetter(r) && r != '’' && r != '\''
		}
		s = s[:len(s)-size]
		n++
	}
	return n > 0
}
