package figure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind says what a scanned token is made of.
type kind uint8

const (
	kWord  kind = iota // letters, with inner hyphens; a trailing apostrophe is kept ("l'")
	kNum               // a run of ASCII digits
	kPunct             // any other single rune (symbols such as € and % included)
)

// token is one unit of the private scanner. lower is the lower-cased form
// with typographic apostrophes folded to ASCII, so that matching code compares
// against one spelling only.
type token struct {
	kind       kind
	start, end int
	lower      string
	upper      bool // the first rune is an upper-case letter
	gap        bool // whitespace separates this token from the previous one
}

// isApostrophe reports the apostrophes met in French copy: ASCII, the
// typographic right quote, and the modifier letter some keyboards produce.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

// foldApos lower-cases s and folds every apostrophe to '.
func foldApos(s string) string {
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return unicode.ToLower(r)
	}, s)
}

// scan splits s into tokens. Whitespace is dropped but remembered in gap.
// Words keep inner hyphens when a letter follows ("vingt-cinq", "mi-mai",
// "après-midi") but not when a digit follows ("Storm-0558" is a word, a
// hyphen and a number, so that the number can be recognised as glued).
func scan(s string) []token {
	toks := make([]token, 0, len(s)/4+1)
	gap := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			gap = true
			i += n
			continue
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, token{kind: kNum, start: i, end: j, lower: s[i:j], gap: gap})
		case isLetter(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isLetter(r2) {
					j += n2
					continue
				}
				if r2 == '-' || r2 == '‑' { // hyphen or no-break hyphen, only between letters
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); j+n2 < len(s) && isLetter(r3) {
						j += n2
						continue
					}
				}
				if isApostrophe(r2) { // elided article or preposition: l', d', jusqu'
					j += n2
				}
				break
			}
			toks = append(toks, token{kind: kWord, start: i, end: j, lower: foldApos(s[i:j]), upper: unicode.IsUpper(r), gap: gap})
		default:
			toks = append(toks, token{kind: kPunct, start: i, end: i + n, lower: s[i : i+n], gap: gap})
		}
		i = toks[len(toks)-1].end
		gap = false
	}
	return toks
}

// word reports whether toks[i] exists and is the word w (lower-cased form).
func word(toks []token, i int, w ...string) bool {
	if i < 0 || i >= len(toks) || toks[i].kind != kWord {
		return false
	}
	for _, x := range w {
		if toks[i].lower == x {
			return true
		}
	}
	return false
}

// punct reports whether toks[i] exists and is the punctuation p.
func punct(toks []token, i int, p string) bool {
	return i >= 0 && i < len(toks) && toks[i].kind == kPunct && toks[i].lower == p
}

// groupGap reports whether the text between two tokens is exactly one of the
// spaces French uses to group digits: space, no-break space, narrow no-break
// space, thin space or figure space.
func groupGap(s string, a, b token) bool {
	g := s[a.end:b.start]
	switch g {
	case " ", "\u00a0", "\u202f", "\u2009", "\u2007":
		return true
	}
	return false
}
