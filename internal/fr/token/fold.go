package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in lower case with its accents kept, for matching words
// whose case or typography differs: it composes s (NFC, so that "é" written
// as e + U+0301 matches "é"), lower-cases it, writes every apostrophe
// (’ ʼ ‘ ′) as ', every hyphen (U+2010, U+2011) as -, and every white space
// (no-break spaces included) as a plain space. "L’État" → "l'état".
func Fold(s string) string {
	if isPlainLower(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isApostrophe(r) || r == '‘' || r == '′':
			b.WriteByte('\'')
		case isHyphen(r):
			b.WriteByte('-')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isPlainLower reports whether s is ASCII without capitals or control
// characters other than space, so Fold can return it unchanged.
func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c < ' ' {
			return false
		}
	}
	return true
}

// StripAccents removes diacritics: "Élysée" → "Elysee", "ça" → "ca",
// "naïve" → "naive". Case is kept, and so are letters that are not a base
// letter plus an accent ("œ", "æ", "ß"); Normalize expands the ligatures.
func StripAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// Normalize returns a matching key for s: folded (Fold), without accents
// (StripAccents), with the ligatures œ and æ written oe and ae, and with
// runs of white space collapsed to one space and trimmed at both ends.
// "  Le Cœur  de l’Élysée " → "le coeur de l'elysee". Use it to compare a
// keyphrase with text whatever the accents; use Fold when accents matter.
func Normalize(s string) string {
	s = StripAccents(Fold(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == ' ':
			space = b.Len() > 0
			continue
		case space:
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case 'œ':
			b.WriteString("oe")
		case 'æ':
			b.WriteString("ae")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
