package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
)

// maxHeadline is Google's limit on a NewsArticle headline, in characters.
const maxHeadline = 110

type ldGraph struct {
	Context string `json:"@context"`
	Graph   []any  `json:"@graph"`
}

type ldOrg struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldNewsArticle struct {
	Type             string   `json:"@type"`
	Headline         string   `json:"headline"`
	Description      string   `json:"description,omitempty"`
	InLanguage       string   `json:"inLanguage,omitempty"`
	DatePublished    string   `json:"datePublished,omitempty"`
	Keywords         string   `json:"keywords,omitempty"`
	URL              string   `json:"url,omitempty"`
	MainEntityOfPage string   `json:"mainEntityOfPage,omitempty"`
	Image            []string `json:"image,omitempty"`
	IsBasedOn        []string `json:"isBasedOn,omitempty"`
	Author           *ldOrg   `json:"author,omitempty"`
	Publisher        *ldOrg   `json:"publisher,omitempty"`
}

type ldFAQPage struct {
	Type       string       `json:"@type"`
	MainEntity []ldQuestion `json:"mainEntity"`
}

type ldQuestion struct {
	Type           string   `json:"@type"`
	Name           string   `json:"name"`
	AcceptedAnswer ldAnswer `json:"acceptedAnswer"`
}

type ldAnswer struct {
	Type string `json:"@type"`
	Text string `json:"text"`
}

// JSONLD renders a's schema.org description: a NewsArticle (headline of at
// most 110 characters, description, language, publication date when it is
// an ISO 8601 date, keyphrase as keywords, the sources' URLs as isBasedOn,
// author and publisher as Organizations named by opts) and, when a has an
// FAQ, an FAQPage — both in one @graph. The JSON is HTML-escaped (<, > and &
// as \u003c, \u003e, \u0026) so that it is safe inside a <script> element.
func JSONLD(a *article.Article, opts HTMLOptions) ([]byte, error) {
	lang := clean(a.Lang)
	if lang == "" {
		lang = "fr"
	}
	na := ldNewsArticle{
		Type:        "NewsArticle",
		Headline:    headline(a),
		Description: collapse(a.MetaDescription),
		InLanguage:  lang,
		Keywords:    collapse(a.Keyphrase),
	}
	if d := clean(a.Date); isISODate(d) {
		na.DatePublished = d
	}
	if u, ok := safeURL(a.URL); ok && isAbsHTTP(u) {
		na.URL, na.MainEntityOfPage = u, u
	}
	for _, b := range a.Blocks {
		if u, ok := safeURL(b.Src); b.Kind == article.Image && ok && isAbsHTTP(u) {
			na.Image = append(na.Image, u)
		}
	}
	for _, s := range a.Sources {
		if u, ok := safeURL(s.URL); ok && isAbsHTTP(u) {
			na.IsBasedOn = append(na.IsBasedOn, u)
		}
	}
	if n := collapse(opts.Author); n != "" {
		na.Author = &ldOrg{Type: "Organization", Name: n}
	}
	if n := collapse(opts.Publisher); n != "" {
		na.Publisher = &ldOrg{Type: "Organization", Name: n}
	}
	g := ldGraph{Context: "https://schema.org", Graph: []any{na}}
	var faq []ldQuestion
	for _, qa := range a.FAQ {
		q, ans := collapse(qa.Question), collapse(qa.Answer)
		if q == "" || ans == "" {
			continue
		}
		faq = append(faq, ldQuestion{Type: "Question", Name: q, AcceptedAnswer: ldAnswer{Type: "Answer", Text: ans}})
	}
	if len(faq) > 0 {
		g.Graph = append(g.Graph, ldFAQPage{Type: "FAQPage", MainEntity: faq})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true) // the default, stated: "</script>" must never appear
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		return nil, fmt.Errorf("json-ld of %q: %w", a.Slug, err)
	}
	return buf.Bytes(), nil
}

// headline is the title when it fits Google's limit, else the SEO title when
// that fits, else the title cut at a word boundary with an ellipsis.
func headline(a *article.Article) string {
	t := collapse(a.Title)
	if t == "" {
		t = collapse(a.SEOTitle)
	}
	if utf8.RuneCountInString(t) <= maxHeadline {
		return t
	}
	if s := collapse(a.SEOTitle); s != "" && utf8.RuneCountInString(s) <= maxHeadline {
		return s
	}
	r := []rune(t)[:maxHeadline-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

func isISODate(s string) bool {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

func isAbsHTTP(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
