package clean

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/plume-seo/plume/internal/extract"
	"github.com/plume-seo/plume/internal/source"
)

// Clean finds the article in a decoded input, whatever its format.
func Clean(in *source.Input) (*Document, error) {
	var (
		doc *Document
		err error
	)
	switch in.Format {
	case source.HTML:
		doc, err = HTML(in.Text, in.URL)
	case source.Markdown:
		doc, err = Markdown(in.Text)
	default:
		doc, err = Text(in.Text)
	}
	if err != nil {
		return nil, err
	}
	if doc.URL == "" {
		doc.URL = in.URL
	}
	return doc, nil
}

// HTML cleans a web page: go-trafilatura finds the main content and the
// metadata, and the same furniture filter as for text removes what the
// extractor left behind.
func HTML(page, pageURL string) (*Document, error) {
	p, err := extract.FromHTML(strings.NewReader(page), pageURL)
	if err != nil {
		if errors.Is(err, extract.ErrNoContent) {
			return nil, ErrNoArticle
		}
		return nil, fmt.Errorf("html: %w", err)
	}
	units := make([]unit, 0, len(p.Blocks))
	for _, b := range p.Blocks {
		var u unit
		switch b.Kind {
		case extract.KindHeading:
			u = newUnit(normalize(b.Text), Heading, b.Level)
		case extract.KindQuote:
			u = newUnit(normalize(b.Text), Quote, 0)
		case extract.KindList:
			for _, item := range b.Items {
				units = append(units, newUnit(normalize(item), List, 0))
			}
			continue
		case extract.KindCaption:
			u = newUnit(normalize(b.Text), "", 0)
			u.caption = true
		default:
			u = newUnit(normalize(b.Text), Paragraph, 0)
		}
		if u.text != "" {
			units = append(units, u)
		}
	}
	m := meta{title: normalize(p.Title), byline: p.Author, date: p.Date, site: p.Site, url: p.URL, language: p.Language}
	// The page's own H1 repeats the title; the title is metadata.
	if len(units) > 0 && units[0].hint == Heading && (m.title == "" || sameText(units[0].text, m.title)) {
		m.title = units[0].text
		units = units[1:]
	}
	return run(units, m)
}

var (
	mdHeading = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdLink    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmph    = regexp.MustCompile(`(\*\*|__|\*|_|` + "`" + `)([^*_` + "`" + `\n]+)(\*\*|__|\*|_|` + "`" + `)`)
	mdFront   = regexp.MustCompile(`\A---\n((?s:.*?))\n---\n`)
	mdTitle   = regexp.MustCompile(`(?m)^title:\s*["']?(.*?)["']?\s*$`)
)

// Markdown cleans a Markdown article: headings keep their level, quotes
// and lists their kind, inline markup is reduced to its text.
func Markdown(text string) (*Document, error) {
	text = normalize(text)
	m := meta{}
	if fm := mdFront.FindStringSubmatch(text); fm != nil {
		if t := mdTitle.FindStringSubmatch(fm[1]); t != nil {
			m.title = t[1]
		}
		text = text[len(fm[0]):]
	}
	var units []unit
	var para []string
	flush := func() {
		if len(para) > 0 {
			units = append(units, newUnit(inline(strings.Join(para, " ")), "", 0))
			para = para[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
		case mdHeading.MatchString(line):
			flush()
			h := mdHeading.FindStringSubmatch(line)
			units = append(units, newUnit(inline(h[2]), Heading, len(h[1])))
		case strings.HasPrefix(line, ">"):
			flush()
			units = append(units, newUnit(inline(strings.TrimSpace(strings.TrimLeft(line, "> "))), Quote, 0))
		case isListItem(line) || isNumbered(line):
			flush()
			units = append(units, newUnit(inline(strings.TrimSpace(strings.TrimLeft(line, "-*+•0123456789.) "))), List, 0))
		default:
			para = append(para, line)
		}
	}
	flush()
	if len(units) > 0 && units[0].hint == Heading && units[0].level == 1 {
		if m.title == "" {
			m.title = units[0].text
		}
		units = units[1:]
	}
	return run(units, m)
}

func isNumbered(s string) bool {
	i := strings.IndexAny(s, ".)")
	if i < 1 || i > 3 || i+1 >= len(s) || s[i+1] != ' ' {
		return false
	}
	for _, r := range s[:i] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func inline(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	return mdEmph.ReplaceAllString(s, "$2")
}
