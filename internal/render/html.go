package render

import (
	"html"
	"strings"

	"github.com/plume-seo/plume/internal/article"
)

// HTMLOptions tune [HTML] and [JSONLD]. The zero value is usable: a whole
// page, with no author or publisher in the JSON-LD.
type HTMLOptions struct {
	// Fragment prints only the <article> element (for the web editor),
	// without the page around it nor the JSON-LD.
	Fragment bool
	// Author names the Organization given as the NewsArticle's author;
	// empty leaves it out.
	Author string
	// Publisher names the Organization given as the NewsArticle's
	// publisher; empty leaves it out.
	Publisher string
}

// HTML renders a as a semantic, standalone HTML5 page: the head carries the
// SEO title, meta description, canonical link, keyphrase and the schema.org
// JSON-LD; the body one <article> with the title as <h1>, the lead, and a
// <section> for each H2 with its blocks. Every text and attribute is
// escaped; link and image URLs other than http, https, mailto and relative
// ones are dropped (a link's text is kept).
func HTML(a *article.Article, opts HTMLOptions) []byte {
	var b strings.Builder
	b.Grow(2*estimate(a) + 1024)
	if !opts.Fragment {
		lang := clean(a.Lang)
		if lang == "" {
			lang = "fr"
		}
		b.WriteString("<!DOCTYPE html>\n<html lang=\"")
		b.WriteString(esc(lang))
		b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n")
		b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
		b.WriteString("<title>")
		b.WriteString(esc(collapse(a.TitleForSEO())))
		b.WriteString("</title>\n")
		meta(&b, "name", "description", a.MetaDescription)
		if u, ok := safeURL(a.URL); ok {
			b.WriteString("<link rel=\"canonical\" href=\"")
			b.WriteString(esc(u))
			b.WriteString("\">\n")
		}
		meta(&b, "name", "keyphrase", a.Keyphrase)
		meta(&b, "property", "article:published_time", a.Date)
		if ld, err := JSONLD(a, opts); err == nil {
			b.WriteString("<script type=\"application/ld+json\">\n")
			b.Write(ld)
			b.WriteString("</script>\n")
		}
		b.WriteString("</head>\n<body>\n")
	}
	b.WriteString("<article>\n<h1>")
	b.WriteString(esc(collapse(a.Title)))
	b.WriteString("</h1>\n")
	inSection := false
	for _, bl := range a.Blocks {
		lines := blockLines(bl)
		if bl.Kind != article.Image && len(lines) == 0 {
			continue
		}
		if bl.Kind == article.Image && bl.Src == "" && collapse(bl.Alt) == "" {
			continue
		}
		spans := placeLinks(lines, bl.Links, keepSafe)
		switch bl.Kind {
		case article.Heading:
			lvl := min(max(bl.Level, 1), 6)
			tag := "h" + string(rune('0'+lvl))
			if lvl <= 2 {
				if inSection {
					b.WriteString("</section>\n")
				}
				b.WriteString("<section")
				if k := sectionKind(bl.Section); k != "" {
					b.WriteString(" data-section=\"")
					b.WriteString(k)
					b.WriteByte('"')
				}
				b.WriteString(">\n")
				inSection = true
			}
			b.WriteString("<" + tag + ">")
			htmlLine(&b, lines[0], spans, bl.Links)
			b.WriteString("</" + tag + ">\n")
		case article.List:
			b.WriteString("<ul>\n")
			for i, it := range lines {
				b.WriteString("<li>")
				htmlLine(&b, it, spansOn(spans, i), bl.Links)
				b.WriteString("</li>\n")
			}
			b.WriteString("</ul>\n")
		case article.Quote:
			b.WriteString("<blockquote><p>")
			htmlLine(&b, lines[0], spans, bl.Links)
			b.WriteString("</p></blockquote>\n")
		case article.Image:
			b.WriteString("<figure><img")
			if src, ok := safeURL(bl.Src); ok {
				b.WriteString(" src=\"")
				b.WriteString(esc(src))
				b.WriteByte('"')
			}
			b.WriteString(" alt=\"")
			b.WriteString(esc(collapse(bl.Alt)))
			b.WriteString("\"></figure>\n")
		default:
			b.WriteString("<p>")
			htmlLine(&b, lines[0], spans, bl.Links)
			b.WriteString("</p>\n")
		}
	}
	if inSection {
		b.WriteString("</section>\n")
	}
	b.WriteString("</article>\n")
	if !opts.Fragment {
		b.WriteString("</body>\n</html>\n")
	}
	return []byte(b.String())
}

func meta(b *strings.Builder, attr, name, content string) {
	content = collapse(content)
	if content == "" {
		return
	}
	b.WriteString("<meta " + attr + "=\"" + name + "\" content=\"")
	b.WriteString(esc(content))
	b.WriteString("\">\n")
}

// esc escapes text and attribute values alike: html.EscapeString covers
// < > & ' and ", which is all a quoted attribute or text node needs.
func esc(s string) string { return html.EscapeString(s) }

// sectionKind keeps a writer's section kind as a data attribute when it is
// a plain identifier, and drops anything else.
func sectionKind(s string) string {
	if s == "" || len(s) > 40 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isASCIILetterOrDigit(c) && c != '_' && c != '-' {
			return ""
		}
	}
	return s
}

func htmlLine(b *strings.Builder, s string, spans []span, links []article.Link) {
	pos := 0
	for _, sp := range spans {
		b.WriteString(esc(s[pos:sp.start]))
		l := links[sp.link]
		u, _ := safeURL(l.URL)
		b.WriteString("<a href=\"")
		b.WriteString(esc(u))
		if l.NoFollow {
			b.WriteString("\" rel=\"nofollow noopener\">")
		} else {
			b.WriteString("\" rel=\"noopener\">")
		}
		b.WriteString(esc(s[sp.start:sp.end]))
		b.WriteString("</a>")
		pos = sp.end
	}
	b.WriteString(esc(s[pos:]))
}
