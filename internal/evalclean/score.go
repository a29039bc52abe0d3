package evalclean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tokens splits text into lower-cased word tokens: maximal runs of letters,
// digits and combining marks, after NFC and soft-hyphen removal. Apostrophes
// and hyphens split words ("l’État" gives "l", "état"), so typographic
// choices do not change the bag of words.
func Tokens(text string) []string {
	text = norm.NFC.String(strings.ReplaceAll(text, "\u00AD", ""))
	var toks []string
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			toks = append(toks, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, strings.ToLower(text[start:]))
	}
	return toks
}

// Overlap counts the tokens two bags share, each token counted as often as
// it occurs in both (multiset intersection).
func Overlap(got, want []string) int {
	bag := make(map[string]int, len(want))
	for _, t := range want {
		bag[t]++
	}
	n := 0
	for _, t := range got {
		if bag[t] > 0 {
			bag[t]--
			n++
		}
	}
	return n
}

// PRF returns precision, recall and F1 from an overlap and the two bag
// sizes. An empty output scores 0 precision (not NaN) so that a page an
// extractor failed on still weighs on the mean.
func PRF(overlap, got, want int) (p, r, f1 float64) {
	if got > 0 {
		p = float64(overlap) / float64(got)
	}
	if want > 0 {
		r = float64(overlap) / float64(want)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// Normalize prepares text for snippet and prefix matching: NFC, soft hyphens
// and zero-width characters removed, every kind of quotation mark and
// apostrophe folded to ASCII (plume's cleaner may apply French typography,
// « » and ’, that the annotations do not have), the ellipsis to "...", and
// all whitespace removed. Whitespace is ignored because extractors disagree
// most on it (spaces lost or added where tags meet, no-break spaces before
// ; : ! ?) while the words themselves are what the annotations test.
func Normalize(text string) string {
	text = norm.NFC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
		case r == '\u00AD' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF':
		case r == '’' || r == '‘' || r == 'ʼ' || r == '′':
			b.WriteByte('\'')
		case r == '«' || r == '»' || r == '“' || r == '”' || r == '„' || r == '″':
			b.WriteByte('"')
		case r == '…':
			b.WriteString("...")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MaxLeadIn is how much text (in characters, whitespace excluded) HasPrefix
// lets come before an expected prefix: about a long headline plus a section
// label. Extractors differ on whether the headline belongs to the body, and
// go-trafilatura's ContentText runs it into the first paragraph on one line,
// so "drop the first line" would not treat all extractors alike.
const MaxLeadIn = 200

// HasPrefix reports whether output starts with prefix after Normalize,
// allowing at most MaxLeadIn characters (the title) before it, and whether
// such a lead-in was needed.
func HasPrefix(output, prefix string) (ok, afterLeadIn bool) {
	p := Normalize(prefix)
	if p == "" {
		return true, false
	}
	out := Normalize(output)
	i := strings.Index(out, p)
	if i < 0 || utf8.RuneCountInString(out[:i]) > MaxLeadIn {
		return false, false
	}
	return true, i > 0
}
