// Package article is plume's article model — the AST that writers produce,
// checks read and renderers print — and its parsers from Markdown (with
// YAML front matter, the way Hugo and Jekyll read it) and HTML.
//
// It takes the bytes of a finished article and gives an [Article]. It never
// judges the article (that is the check stage) nor writes one.
package article

import "strings"

// Kind is the kind of a block of an article.
type Kind string

// Block kinds.
const (
	Heading   Kind = "heading"
	Paragraph Kind = "paragraph"
	List      Kind = "list"
	Quote     Kind = "quote"
	Image     Kind = "image"
)

// Link is a hyperlink inside a block.
type Link struct {
	Text string `json:"text"`
	URL  string `json:"url"`
	// NoFollow is set for rel="nofollow" links.
	NoFollow bool `json:"nofollow,omitempty"`
}

// Block is one block of an article body, in reading order.
type Block struct {
	Kind Kind `json:"kind"`
	// Level is the heading level, 1–6.
	Level int `json:"level,omitempty"`
	// Text is the block's plain text; for lists, the items joined by
	// newlines.
	Text string `json:"text,omitempty"`
	// Items are a list's items.
	Items []string `json:"items,omitempty"`
	// Src and Alt describe an image.
	Src string `json:"src,omitempty"`
	Alt string `json:"alt,omitempty"`
	// Links are the hyperlinks of the block.
	Links []Link `json:"links,omitempty"`
	// Section is the kind of section a heading opens, for articles that a
	// writer planned ("body", "key_points", "timeline", "faq"…).
	Section string `json:"section,omitempty"`
}

// QA is one question of an article's FAQ with its answer.
type QA struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// Source is a source an article was written from.
type Source struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	// Site is the outlet's name, when known.
	Site string `json:"site,omitempty"`
}

// Article is a finished article with its SEO fields.
type Article struct {
	Title           string `json:"title"`
	SEOTitle        string `json:"seo_title"`
	MetaDescription string `json:"meta_description"`
	Slug            string `json:"slug"`
	Keyphrase       string `json:"keyphrase"`
	Date            string `json:"date,omitempty"`
	// URL is the article's canonical address, used to tell internal links
	// from outbound ones.
	URL    string  `json:"url,omitempty"`
	Blocks []Block `json:"blocks"`
	// FAQ holds the questions and answers of the article's FAQ section,
	// which also appear in Blocks; renderers use it for FAQPage JSON-LD.
	FAQ []QA `json:"faq,omitempty"`
	// Sources are the articles this one was written from.
	Sources []Source `json:"sources,omitempty"`
	// Lang is the article's language (BCP 47), "fr" for plume's output.
	Lang string `json:"lang,omitempty"`
}

// TitleForSEO is the SEO title, or the title when no SEO title is set, as
// search engines and Yoast fall back.
func (a *Article) TitleForSEO() string {
	if a.SEOTitle != "" {
		return a.SEOTitle
	}
	return a.Title
}

// Headings returns the heading blocks of the body at the given levels (all
// levels when none is given).
func (a *Article) Headings(levels ...int) []Block {
	var out []Block
	for _, b := range a.Blocks {
		if b.Kind != Heading {
			continue
		}
		if len(levels) == 0 {
			out = append(out, b)
			continue
		}
		for _, l := range levels {
			if b.Level == l {
				out = append(out, b)
				break
			}
		}
	}
	return out
}

// BodyText returns the text of the body's blocks, one per line, without
// image alternative texts.
func (a *Article) BodyText() string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind == Image || bl.Text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}
