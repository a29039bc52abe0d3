package token

import (
	"unicode"
)

// Span is a sentence of a text: Text is text[Start:End], and Start and End
// are byte offsets chosen so that Text has no white space at either end.
type Span struct {
	Start, End int
	Text       string
}

// Sentences splits French text into sentences. Every token of
// Tokenize(text) lies in exactly one span, so the spans cover all the
// non-blank text, in order and without overlap.
//
// A sentence ends:
//   - at . ! ? … or ... followed (after closing quotes and brackets, which
//     stay with the sentence) by anything but a lower-case word or , ; :
//     — so « Que faire ? », a-t-il demandé. is one sentence and an ellipsis
//     followed by a lower-case word does not end one;
//   - after an abbreviation such as "etc.", "Inc." or "janv." only before a
//     capitalised word; never after a title or a reference ("M.", "Mme",
//     "cf.", "p.", "av." in "av. J.-C."); after an initial or a dotted
//     acronym ("S.", "U.S.") only before a word that typically opens a
//     sentence ("Le", "Il", "Mais"…), so "Raphaël S. Satter" is kept whole;
//   - at a blank line, always;
//   - at a line break after a line without final punctuation (a heading, a
//     byline) when the next line starts with a capital or a list bullet.
//
// Decimal numbers, URLs and e-mail addresses never end a sentence because
// the tokeniser keeps them whole.
func Sentences(text string) []Span {
	toks := Tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	sp := splitter{s: text, toks: toks}
	return sp.split()
}

type splitter struct {
	s    string
	toks []Token
}

// termKind is what kind of sentence end a token may be.
type termKind uint8

const (
	termNone termKind = iota
	termPeriod
	termStrong   // ? !
	termEllipsis // … ...
	termAbbrev   // etc. Inc. janv.
	termInitial  // S. U.S.
)

func (sp *splitter) split() []Span {
	toks := sp.toks
	n := len(toks)
	spans := make([]Span, 0, n/16+1)
	start := 0
	for i := 0; i < n; i++ {
		end, brk := i, false
		if term := sp.terminal(i); term != termNone {
			for end+1 < n && sp.isCloser(end+1) && !hasNewline(sp.gap(end, end+1)) {
				end++
			}
			switch {
			case end+1 >= n:
				brk = true
			case isParagraphBreak(sp.gap(end, end+1)):
				brk = true
			default:
				brk = sp.endsAfterTerminal(term, end+1)
			}
			if !brk {
				end = i
			}
		}
		if !brk {
			switch {
			case end+1 >= n:
				brk = true
			case isParagraphBreak(sp.gap(end, end+1)):
				brk = true
			case hasNewline(sp.gap(end, end+1)):
				brk = sp.lineBreakEnds(end, end+1)
			}
		}
		if brk {
			a, b := toks[start].Start, toks[end].End
			spans = append(spans, Span{Start: a, End: b, Text: sp.s[a:b]})
			start = end + 1
			i = end
		}
	}
	return spans
}

// gap is the blank text between tokens i and j.
func (sp *splitter) gap(i, j int) string { return sp.s[sp.toks[i].End:sp.toks[j].Start] }

// terminal says whether token i may end a sentence, and how.
func (sp *splitter) terminal(i int) termKind {
	t := sp.toks[i]
	switch t.Kind {
	case Punct:
		switch c := t.Text[0]; {
		case c == '.' && len(t.Text) == 1:
			return termPeriod
		case c == '.' || t.Text == "…":
			// "(…)" and "[…]" mark a cut inside a quotation, not an end.
			if i > 0 && (sp.toks[i-1].Text == "(" || sp.toks[i-1].Text == "[") {
				return termNone
			}
			return termEllipsis
		}
		if r := firstRune(t.Text); isStrongTerminal(r) {
			return termStrong
		}
	case Abbrev:
		if t.Text[len(t.Text)-1] != '.' {
			return termNone
		}
		switch abbrevOf(t.Text) {
		case abbrevOrdinary:
			return termAbbrev
		case abbrevNone:
			return termInitial
		}
	}
	return termNone
}

// isCloser reports whether token j closes a quotation or a bracket opened
// before a sentence end: » ” ’ ) ], a doubled straight apostrophe, and a
// straight quote that is not followed by a word.
func (sp *splitter) isCloser(j int) bool {
	t := sp.toks[j]
	if t.Kind != Punct {
		return false
	}
	switch t.Text {
	case "»", "”", "’", ")", "]", "}", "''", "›":
		return true
	case "\"", "'":
		r, _ := runeAt(sp.s, t.End)
		return !isWordRune(r)
	}
	return false
}

// isOpener reports whether token j opens a quotation, a bracket or a dash
// clause; it is skipped to find the first word of the next sentence.
func isOpener(t Token) bool {
	if t.Kind != Punct && t.Kind != Symbol {
		return false
	}
	switch t.Text {
	case "«", "“", "\"", "(", "[", "{", "‘", "'", "``", "<<", "‹", "„", "—", "–", "-", "•", "·", "*":
		return true
	}
	return false
}

// endsAfterTerminal decides whether a sentence ends before token k, which
// follows a terminal of kind term (and its closers).
func (sp *splitter) endsAfterTerminal(term termKind, k int) bool {
	next := sp.toks[k]
	if next.Kind == Punct {
		switch next.Text {
		case ",", ";", ":", ")", "]", "}":
			return false
		}
	}
	w := k
	for w < len(sp.toks) && isOpener(sp.toks[w]) {
		w++
	}
	if w == len(sp.toks) {
		return true
	}
	r := firstRune(sp.toks[w].Text)
	newline := hasNewline(sp.gap(k-1, k))
	switch term {
	case termPeriod, termStrong:
		return !unicode.IsLower(r)
	case termEllipsis:
		return unicode.IsUpper(r) || newline && !unicode.IsLower(r)
	case termAbbrev:
		return unicode.IsUpper(r)
	case termInitial:
		if !unicode.IsUpper(r) {
			return false
		}
		if newline {
			return true
		}
		var buf [24]byte
		txt := sp.toks[w].Text
		return len(txt) <= len(buf) && sentenceStarters[string(foldASCIIish(buf[:0], txt))]
	}
	return false
}

// lineBreakEnds decides whether a single line break between tokens i and k
// ends a sentence that has no final punctuation: a heading, a byline or a
// list item.
func (sp *splitter) lineBreakEnds(i, k int) bool {
	next := sp.toks[k]
	if next.Kind == Punct || next.Kind == Symbol {
		switch next.Text {
		case "•", "-", "–", "—", "*", "·", "►", "▪", "◦", "‣", "→":
			return true // a list item starts on the next line
		}
	}
	prev := sp.toks[i]
	switch prev.Kind {
	case Punct:
		switch prev.Text {
		case ",", ";", ":", "(", "[", "{", "«", "“", "‘", "„", "-", "–", "—", "/", "``", "<<":
			return false
		}
	case Symbol:
		if prev.Text == "&" || prev.Text == "+" {
			return false
		}
	case Elision:
		return false
	case Abbrev:
		if abbrevOf(prev.Text) == abbrevPrefix {
			return false
		}
	}
	w := k
	for w < len(sp.toks) && isOpener(sp.toks[w]) {
		w++
	}
	if w == len(sp.toks) {
		return true
	}
	return unicode.IsUpper(firstRune(sp.toks[w].Text))
}

func firstRune(s string) rune {
	r, _ := runeAt(s, 0)
	return r
}

// hasNewline reports whether the blank text g holds a line break.
func hasNewline(g string) bool {
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case '\n', '\r', '\v', '\f':
			return true
		case 0xE2: // U+2028, U+2029
			if i+2 < len(g) && g[i+1] == 0x80 && (g[i+2] == 0xA8 || g[i+2] == 0xA9) {
				return true
			}
		case 0xC2: // U+0085
			if i+1 < len(g) && g[i+1] == 0x85 {
				return true
			}
		}
	}
	return false
}

// isParagraphBreak reports whether the blank text g holds a blank line (two
// line breaks, "\r\n" counting as one) or a paragraph separator U+2029.
func isParagraphBreak(g string) bool {
	lines := 0
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case '\n', '\f', '\v':
			lines++
		case '\r':
			if i+1 >= len(g) || g[i+1] != '\n' {
				lines++
			}
		case 0xE2:
			if i+2 < len(g) && g[i+1] == 0x80 {
				switch g[i+2] {
				case 0xA9:
					return true
				case 0xA8:
					lines++
				}
			}
		case 0xC2:
			if i+1 < len(g) && g[i+1] == 0x85 {
				lines++
			}
		}
	}
	return lines >= 2
}
