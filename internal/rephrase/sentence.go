package rephrase

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
)

// tok is one token of a sentence with what the operations need to know
// about it: its word form for the tagger, its folded form for matching, its
// tag, and whether it lies inside a quotation.
type tok struct {
	text       string // surface text, s[start:end]
	low        string // token.Fold of the word form: "l'", "il", "déclaré"
	start, end int
	kind       token.Kind
	tag        string // UPOS from the tagger ("" for non-words)
	inQuote    bool
}

// sentence is a tokenised, tagged sentence with its quotation spans.
type sentence struct {
	s        string
	toks     []tok
	quotes   [][2]int // byte spans of quotations, marks included
	balanced bool     // every quotation mark is paired
}

// parse tokenises and tags s. Quotations are « … », “ … ”, straight double
// quotes and LaTeX-style “ … ” pairs; an unpaired mark makes the sentence
// unbalanced, and the operations then refuse to touch it.
func parse(s string) *sentence {
	raw := token.Tokenize(s)
	st := &sentence{s: s, toks: make([]tok, 0, len(raw))}
	words := make([]string, 0, len(raw))
	for _, t := range raw {
		form := t.Text
		if t.Kind == token.Clitic {
			form = token.CliticPronoun(t.Text)
		}
		st.toks = append(st.toks, tok{text: t.Text, low: token.Fold(form), start: t.Start, end: t.End, kind: t.Kind})
		words = append(words, form)
	}
	if len(words) > 0 {
		tags := pos.Default().Tag(words)
		for i := range st.toks {
			if i < len(tags) {
				st.toks[i].tag = tags[i]
			}
		}
	}
	st.quotes, st.balanced = quoteSpans(st.toks)
	for i := range st.toks {
		for _, q := range st.quotes {
			if st.toks[i].start >= q[0] && st.toks[i].end <= q[1] {
				st.toks[i].inQuote = true
				break
			}
		}
	}
	return st
}

// quoteSpans pairs quotation marks. Nested quotations (“ ” inside « »)
// are part of the outer span.
func quoteSpans(toks []tok) ([][2]int, bool) {
	var spans [][2]int
	depth, open, straight := 0, 0, -1
	balanced := true
	for _, t := range toks {
		if t.kind != token.Punct {
			continue
		}
		switch t.text {
		case "«", "“", "``", "‹":
			if depth == 0 {
				open = t.start
			}
			depth++
		case "»", "”", "''", "›":
			if depth == 0 {
				balanced = false
				continue
			}
			depth--
			if depth == 0 {
				spans = append(spans, [2]int{open, t.end})
			}
		case "\"":
			if depth > 0 {
				continue
			}
			if straight < 0 {
				straight = t.start
			} else {
				spans = append(spans, [2]int{straight, t.end})
				straight = -1
			}
		}
	}
	if depth != 0 || straight >= 0 {
		balanced = false
	}
	return spans, balanced
}

// isOpenQuote reports whether r opens a quotation.
func isOpenQuote(r rune) bool {
	return r == '«' || r == '“' || r == '"' || r == '`' || r == '‹'
}

// wholeQuote reports whether text, trimmed, is exactly one quotation.
func wholeQuote(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	st := parse(text)
	return st.balanced && len(st.quotes) == 1 && st.quotes[0][0] == 0 && st.quotes[0][1] == len(text)
}

// isFinite reports whether the token is a finite verb: tagged VERB or AUX
// and known to the lexicon as a conjugated form.
func isFinite(t tok) bool {
	return (t.tag == "VERB" || t.tag == "AUX") && lexicon.Default().FiniteFold(t.low)
}

// hasFinite reports whether toks hold a finite verb outside quotations.
func hasFinite(toks []tok) bool {
	for _, t := range toks {
		if !t.inQuote && isFinite(t) {
			return true
		}
	}
	return false
}

// upperFirst capitalises the first letter of s (after any leading
// quotation mark it refuses: the inside of a quotation is never changed).
func upperFirst(s string) (string, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLetter(r) {
		return s, false
	}
	return string(unicode.ToUpper(r)) + s[size:], true
}

// lowerFirst lower-cases the first word of s for a position inside a
// sentence, unless it is a proper noun or an acronym, which keep their
// capital. It refuses (ok=false) when s starts with anything but a letter,
// a quotation for instance, whose inside must not change.
func lowerFirst(s string) (string, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLetter(r) {
		return s, false
	}
	if !unicode.IsUpper(r) {
		return s, true
	}
	st := parse(s)
	if len(st.toks) == 0 {
		return s, false
	}
	first := st.toks[0]
	if keepsCapital(first) {
		return s, true
	}
	return string(unicode.ToLower(r)) + s[size:], true
}

// keepsCapital reports whether a capitalised sentence-initial token must
// keep its capital elsewhere in a sentence: a proper noun, an acronym, or a
// word whose lower-case form the lexicon does not know (a name, most
// likely: « Storm-0558 », « Hafnium »).
func keepsCapital(t tok) bool {
	if t.tag == "PROPN" {
		return true
	}
	upper := 0
	for _, r := range t.text {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper > 1 {
		return true
	}
	if t.kind == token.Elision {
		return false
	}
	lex := lexicon.Default()
	if !lex.Has(t.low) {
		return true
	}
	// A form that is only a proper noun in lower case too is a name.
	set := lex.TagSet(t.low)
	return set.Has(lexicon.PropN) && set.Len() == 1
}

// apostrophe returns the apostrophe the sentence uses (’ by default), so
// that an elision we add matches the text around it.
func apostrophe(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, "’") {
		return "'"
	}
	return "’"
}

// startsWithVowel reports whether s starts with a vowel letter, for
// elision (« qu’il », « d’une »). An h is reported apart: elision before
// it depends on the word (h muet or aspiré), which we do not guess.
func startsWithVowel(s string) (vowel, h bool) {
	r, _ := utf8.DecodeRuneInString(s)
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'à', 'â', 'é', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ù', 'û', 'œ', 'æ':
		return true, false
	case 'h':
		return false, true
	}
	return false, false
}

// digitRuns returns the maximal runs of ASCII digits of s, the figures
// every operation must keep.
func digitRuns(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		digit := i < len(s) && s[i] >= '0' && s[i] <= '9'
		switch {
		case digit && start < 0:
			start = i
		case !digit && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}
