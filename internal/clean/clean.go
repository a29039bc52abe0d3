package clean

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/token"
)

// ErrNoArticle reports an input in which no article text was found: only
// furniture, only scripts, or too little prose.
var ErrNoArticle = errors.New("no article text found (only page furniture or too little prose)")

// meta carries what a structured source already knows about the page.
type meta struct {
	title, byline, date, site, url string
	// language is the page's language when the extractor detected it.
	language string
}

// Text cleans pasted page copy.
func Text(text string) (*Document, error) {
	return run(textUnits(normalize(text)), meta{})
}

// build classifies units and assembles the document.
func run(units []unit, m meta) (*Document, error) {
	doc := &Document{Title: m.title, Byline: m.byline, Date: m.date, Site: m.site, URL: m.url}
	removed := make([]bool, len(units))
	remove := func(i int, r Reason) {
		removed[i] = true
		doc.Removed = append(doc.Removed, Removal{Text: units[i].text, Reason: r})
	}

	// Pass 1: what a line says by itself — a brief, a byline, a date,
	// furniture wording.
	for i := range units {
		u := &units[i]
		if i < 3 || i >= len(units)-2 {
			if b, ok := parseBrief(u.text); ok && doc.Brief == nil {
				doc.Brief = b
				u.reason = ReasonBrief
				continue
			}
		}
		if name, ok := byline(u.text, u.words); ok && u.hint != Heading {
			if doc.Byline == "" {
				doc.Byline = name
			}
			u.reason = ReasonByline
			continue
		}
		if u.words <= 12 && strings.ContainsAny(u.text, "0123456789") && dateLineRe.MatchString(u.text) {
			if doc.Date == "" {
				doc.Date = u.text
			}
			u.reason = ReasonDate
			continue
		}
		if u.caption {
			u.reason = ReasonCaption
			continue
		}
		if r, ok := matchRule(u.text, u.words); ok {
			u.reason = r
			continue
		}
		u.prose = isProse(u) || u.hint == Paragraph && u.words >= 20 && functionDensity(u.ws) >= 0.2 || u.hint == Quote || u.hint == List && u.words >= 12
		u.headline = u.hint == Heading || !u.prose && isHeadlineLike(u)
	}

	start, end, ok := bodySpan(units)
	if !ok {
		return nil, ErrNoArticle
	}

	// Pass 2: before the body — the title and the page's header.
	titleAt := -1
	if doc.Title == "" {
		for i := start - 1; i >= 0 && i >= start-6; i-- {
			if units[i].reason == "" && units[i].headline && units[i].words >= 2 {
				titleAt = i
				doc.Title = units[i].text
				break
			}
		}
	}
	for i := 0; i < start; i++ {
		if i == titleAt {
			continue
		}
		remove(i, outsideReason(&units[i], true))
	}

	// Pass 3: the body.
	titleKey := strings.Join(words(doc.Title), " ")
	var last Kind
	for i := start; i < end; i++ {
		u := &units[i]
		if u.reason != "" {
			remove(i, u.reason)
			continue
		}
		if titleKey != "" && strings.Join(u.ws, " ") == titleKey {
			remove(i, ReasonDuplicate)
			continue
		}
		if d, rest, ok := dateline(u.text); ok && u.prose && len(doc.Blocks) < 3 {
			if doc.Dateline == "" {
				doc.Dateline = d
			}
			doc.Removed = append(doc.Removed, Removal{Text: d, Reason: ReasonDateline})
			u.text = rest
		}
		switch {
		case u.hint == List || u.hint == "" && isListItem(u.text):
			text := u.text
			if u.hint == "" {
				text = strings.TrimSpace(strings.TrimLeft(u.text, "-•*–·▪"))
			}
			if last == List {
				doc.Blocks[len(doc.Blocks)-1].Text += "\n" + text
			} else {
				doc.Blocks = append(doc.Blocks, Block{Kind: List, Text: text})
			}
			last = List
			continue
		case u.prose:
			kind := Paragraph
			if u.hint == Quote || isQuotation(u.text) {
				kind = Quote
			}
			doc.Blocks = append(doc.Blocks, Block{Kind: kind, Text: u.text})
		case u.hint == Paragraph:
			// The extractor chose this paragraph and no rule names it
			// furniture: data lines and short paragraphs are content.
			doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph, Text: u.text})
		case u.headline && u.words == 1 && u.hint != Heading:
			remove(i, ReasonCaption)
			continue
		case u.headline && (u.hint == Heading || u.words <= 12 && utf8.RuneCountInString(u.text) <= 90):
			level := u.level
			if level < 2 {
				level = 2
			}
			if last == Heading && u.hint == "" {
				// Two inferred headings in a row: the first one heads
				// nothing. (Declared headings may nest: h2 then h3.)
				prev := doc.Blocks[len(doc.Blocks)-1]
				doc.Blocks = doc.Blocks[:len(doc.Blocks)-1]
				doc.Removed = append(doc.Removed, Removal{Text: prev.Text, Reason: ReasonRelatedHeadline})
			}
			doc.Blocks = append(doc.Blocks, Block{Kind: Heading, Text: u.text, Level: level})
		case u.headline:
			remove(i, ReasonRelatedHeadline)
			continue
		case endsSentence(u.text) && u.words >= 3:
			doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph, Text: u.text})
		case u.words == 1 && token.StartsUpper(u.text):
			remove(i, ReasonCaption)
			continue
		default:
			remove(i, ReasonBoilerplate)
			continue
		}
		last = doc.Blocks[len(doc.Blocks)-1].Kind
	}
	// A heading that closes the body heads nothing.
	for len(doc.Blocks) > 0 && doc.Blocks[len(doc.Blocks)-1].Kind == Heading {
		b := doc.Blocks[len(doc.Blocks)-1]
		doc.Blocks = doc.Blocks[:len(doc.Blocks)-1]
		doc.Removed = append(doc.Removed, Removal{Text: b.Text, Reason: ReasonRelatedHeadline})
	}

	// Pass 4: after the body. On a structured page, the extractor's own
	// sentences that follow the body without any furniture in between
	// still belong to the article (a closing line, a signature); lists
	// of names (partners, tags) do not.
	for end < len(units) && units[end].reason == "" && (units[end].hint == Paragraph || units[end].hint == Quote) &&
		units[end].words >= 4 && functionDensity(units[end].ws) >= 0.25 {
		doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph, Text: units[end].text})
		end++
	}
	// The rest is judged against what the article is about.
	topic := topicOf(doc.Blocks)
	for i := end; i < len(units); i++ {
		u := &units[i]
		if u.reason != "" {
			remove(i, u.reason)
			continue
		}
		if u.headline || !u.prose && u.words >= 4 && !endsSentence(u.text) {
			if coherence(u, topic) >= 0.5 {
				remove(i, ReasonRelatedHeadline)
			} else {
				remove(i, ReasonUnrelatedHeadline)
			}
			continue
		}
		remove(i, outsideReason(u, false))
	}

	doc.Blocks = dedupe(doc)
	if len(doc.Blocks) == 0 {
		return nil, ErrNoArticle
	}
	for _, b := range doc.Blocks {
		doc.WordCount += countWords(b.Text)
	}
	doc.WordCount += countWords(doc.Title)
	if doc.Language = m.language; doc.Language == "" {
		doc.Language = language(doc)
	}
	sortRemoved(doc, units)
	if doc.Removed == nil {
		doc.Removed = []Removal{}
	}
	return doc, nil
}

// outsideReason names a unit outside the article body that no rule named.
func outsideReason(u *unit, before bool) Reason {
	switch {
	case u.reason != "":
		return u.reason
	case u.prose:
		return ReasonOutside
	case before && u.words == 1 && token.StartsUpper(u.text):
		return ReasonCategory
	case before && u.headline:
		return ReasonRelatedHeadline
	}
	return ReasonBoilerplate
}

// topicOf is the set of content keys of the article's text.
func topicOf(blocks []Block) map[string]bool {
	topic := make(map[string]bool)
	for _, b := range blocks {
		for _, w := range words(b.Text) {
			if k := contentKey(w); k != "" {
				topic[k] = true
			}
		}
	}
	return topic
}

// coherence is the share of a unit's content words that the article uses.
func coherence(u *unit, topic map[string]bool) float64 {
	n, in := 0, 0
	for _, w := range u.ws {
		if k := contentKey(w); k != "" {
			n++
			if topic[k] {
				in++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(in) / float64(n)
}

// dedupe drops paragraphs that repeat an earlier one word for word, as
// pages that print a teaser above the article do.
func dedupe(doc *Document) []Block {
	seen := make(map[string]bool)
	out := doc.Blocks[:0]
	for _, b := range doc.Blocks {
		key := strings.Join(words(b.Text), " ")
		if b.Kind != Heading && seen[key] && len(key) > 20 {
			doc.Removed = append(doc.Removed, Removal{Text: b.Text, Reason: ReasonDuplicate})
			continue
		}
		seen[key] = true
		out = append(out, b)
	}
	return out
}

// sortRemoved puts removals in input order, which is how a reader checks
// them against the source.
func sortRemoved(doc *Document, units []unit) {
	pos := make(map[string]int, len(units))
	for i := len(units) - 1; i >= 0; i-- {
		pos[units[i].text] = i
	}
	order := func(r Removal) int {
		if p, ok := pos[r.Text]; ok {
			return p
		}
		for i, u := range units {
			if strings.HasPrefix(u.text, r.Text) {
				return i
			}
		}
		return len(units)
	}
	rs := doc.Removed
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && order(rs[j]) < order(rs[j-1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

func isListItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("-•*–·▪", r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[size:])
	return next == ' ' || next == '\u00a0'
}

// isQuotation reports whether a whole paragraph is one quotation, with no
// attribution outside the quotes.
func isQuotation(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " \u00a0."))
	if !(first == '«' && last == '»' || first == '“' && last == '”') {
		return false
	}
	closer := "»"
	if first == '“' {
		closer = "”"
	}
	return strings.Index(s, closer) >= len(strings.TrimRight(s, " \u00a0."))-len(closer)
}

func sameText(a, b string) bool {
	return strings.Join(words(a), " ") == strings.Join(words(b), " ")
}
