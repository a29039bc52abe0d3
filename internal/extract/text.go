package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

const (
	softHyphen = '\u00AD'
	// captionMark is a private-use rune planted in the source page's caption
	// text before go-trafilatura runs. go-trafilatura rebuilds the content
	// tree and drops every class and id, so the rune is the only way to
	// recognise, after extraction, which paragraphs came from a caption.
	captionMark = '\uE000'
)

// isNoBreakSpace reports the spaces French typography relies on: they must
// survive whitespace collapsing.
func isNoBreakSpace(r rune) bool {
	return r == '\u00A0' || r == '\u202F' || r == '\u2007'
}

// isInvisible reports runes that a browser renders as nothing and that only
// break words apart when they reach plain text.
func isInvisible(r rune) bool {
	switch r {
	case softHyphen, captionMark, '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// normalize collapses every run of whitespace to one space (or to one
// no-break space when the run holds one), trims both ends, drops soft
// hyphens, zero-width characters and caption marks, and returns NFC text.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := rune(0) // space to write before the next visible rune
	for _, r := range s {
		switch {
		case isInvisible(r):
			continue
		case isNoBreakSpace(r):
			pending = r
		case unicode.IsSpace(r):
			if pending == 0 {
				pending = ' '
			}
		default:
			if pending != 0 && b.Len() > 0 {
				b.WriteRune(pending)
			}
			pending = 0
			b.WriteRune(r)
		}
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// needsJoinSpace decides whether two pieces of text that met at an inline
// element boundary with no whitespace between them were separate words in
// the page. go-trafilatura loses the whitespace around links and emphasis it
// unwraps ("de<em>La Provence</em>et de"), and pages themselves glue words
// around empty tags ("à<em></em>Jean-Paul"). A space is added between two
// word characters, after closing punctuation and before opening punctuation,
// but never after an apostrophe or an opening bracket nor before closing
// punctuation, so "l’<em>Etat</em>" and "<em>Libé</em>," stay joined.
func needsJoinSpace(prev, next rune) bool {
	if prev == 0 || next == 0 || unicode.IsSpace(prev) || unicode.IsSpace(next) {
		return false
	}
	switch prev {
	case '\'', '’', '‘', '(', '[', '{', '«', '“', '-', '‑', '/', '@', '#':
		return false
	}
	switch next {
	case ',', '.', ')', ']', '}', '»', '”', '…', '’', '\'', '-', '‑', '/', '%':
		return false
	}
	return true
}

func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}
