package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is one line or block of the input, with what the filter learns of it.
type unit struct {
	text  string
	ws    []string // lower-cased words
	words int      // words as SEO tools count them

	// hint is the block kind an HTML or Markdown source declared; "" for
	// pasted text, where everything is inferred.
	hint    Kind
	level   int
	caption bool

	reason   Reason // furniture reason, "" when none matched
	prose    bool
	headline bool
}

func newUnit(text string, hint Kind, level int) unit {
	text = repair(text)
	u := unit{text: text, ws: words(text), words: countWords(text), hint: hint, level: level}
	return u
}

// textUnits splits pasted copy into units: one per line, except that a
// line broken in the middle of a sentence (hard-wrapped copy) is joined to
// the next line.
func textUnits(text string) []unit {
	var units []unit
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			units = append(units, newUnit(s, "", 0))
		}
		cur.Reset()
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(line)
		if i+1 < len(lines) && continues(line, strings.TrimSpace(lines[i+1])) {
			continue
		}
		flush()
	}
	flush()
	return units
}

// continues reports whether next continues the sentence that line breaks
// off: line ends without punctuation and next starts in lower case.
func continues(line, next string) bool {
	if next == "" || utf8.RuneCountInString(line) < 40 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(next)
	return (unicode.IsLetter(last) || last == ',') && unicode.IsLower(first)
}

// endsSentence reports whether s ends like a sentence: a full stop,
// question or exclamation mark or ellipsis, possibly inside closing quotes
// or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \u00a0\u202f»\"”’')]*")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…':
		return true
	}
	return false
}

func isHeadlineLike(u *unit) bool {
	if u.words < 2 || u.words > 25 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(u.text)
	if !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("«“\"'¿¡", first)) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(u.text, " \u00a0"))
	switch last {
	case '.', ',', ';', ':', '-', '–':
		return false
	}
	return true
}

func isProse(u *unit) bool {
	d := functionDensity(u.ws)
	switch {
	case endsSentence(u.text) && u.words >= 6 && d >= 0.15:
		return true
	case u.words >= 30 && d >= 0.25:
		return true
	}
	return false
}

// Segment weights: prose counts by its length; furniture and short lines
// count against. The body is the contiguous run of units with the largest
// total, as in Body Text Extraction (Finn et al., 2001). Units of an HTML
// page weigh less against: the extractor has already chosen the content
// region, and live blogs interleave prose with many short lines.
const (
	weightFurniture = -150
	weightWeak      = -20
	weightHeadline  = -20
	weightShort     = -60
)

// weakReasons are furniture that also occurs between the paragraphs of an
// article (times of a live blog, captions, stray fragments): they must not
// cut the body in two.
func weakReason(r Reason) bool {
	switch r {
	case ReasonGarbage, ReasonCaption, ReasonCategory, ReasonDate, ReasonByline, ReasonAd:
		return true
	}
	return false
}

func weight(u *unit) int {
	structured := u.hint != "" || u.caption
	switch {
	case u.reason != "" && (weakReason(u.reason) || structured):
		return weightWeak
	case u.reason != "":
		return weightFurniture
	case u.prose:
		return len(u.text)
	case u.hint == List:
		// A declared list inside an article is content even when its
		// items are short.
		return len(u.text)
	case u.hint == Heading:
		// A declared heading neither makes nor breaks the body.
		return 0
	case u.headline:
		return weightHeadline
	case structured:
		return weightWeak
	}
	return weightShort
}

// bodySpan returns the half-open range of units holding the article body,
// or ok=false when no unit has prose.
func bodySpan(units []unit) (start, end int, ok bool) {
	best, sum, from := 0, 0, 0
	for i := range units {
		w := weight(&units[i])
		if sum <= 0 {
			sum, from = w, i
		} else {
			sum += w
		}
		if sum > best {
			best, start, end = sum, from, i+1
		}
	}
	// A declared subheading that opens the body belongs to it.
	for start > 0 && units[start-1].hint == Heading && units[start-1].level >= 2 && units[start-1].reason == "" {
		start--
	}
	return start, end, best > 0
}
