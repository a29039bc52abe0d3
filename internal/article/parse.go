package article

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"gopkg.in/yaml.v3"
)

// ErrEmpty reports an article with neither a title nor any body text.
var ErrEmpty = errors.New("article is empty: no title and no body text")

var frontMatter = regexp.MustCompile(`\A(?:\x{feff})?---[ \t]*\r?\n((?s:.*?))\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\z)`)

// frontFields are the front-matter keys plume reads, with the aliases that
// Hugo, Jekyll and SEO plugins use.
type frontFields struct {
	Title       string `yaml:"title"`
	SEOTitle    string `yaml:"seo_title"`
	SEOTitle2   string `yaml:"seotitle"`
	Description string `yaml:"description"`
	MetaDesc    string `yaml:"meta_description"`
	Slug        string `yaml:"slug"`
	Keyphrase   string `yaml:"keyphrase"`
	Keyword     string `yaml:"focus_keyphrase"`
	Date        string `yaml:"date"`
	URL         string `yaml:"url"`
	Canonical   string `yaml:"canonical"`
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// ParseMarkdown parses a Markdown article with optional YAML front matter.
// A leading level-1 heading is the title when the front matter has none.
func ParseMarkdown(src []byte) (*Article, error) {
	a := &Article{}
	if m := frontMatter.FindSubmatchIndex(src); m != nil {
		var f frontFields
		if err := yaml.Unmarshal(src[m[2]:m[3]], &f); err != nil {
			return nil, fmt.Errorf("front matter: %w", firstLine(err))
		}
		a.Title = first(f.Title)
		a.SEOTitle = first(f.SEOTitle, f.SEOTitle2)
		a.MetaDescription = first(f.Description, f.MetaDesc)
		a.Slug = first(f.Slug)
		a.Keyphrase = first(f.Keyphrase, f.Keyword)
		a.Date = first(f.Date)
		a.URL = first(f.Canonical, f.URL)
		src = src[m[1]:]
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	w := mdWalker{src: src}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		w.block(n, a)
	}
	if a.Title == "" {
		for i, b := range a.Blocks {
			if b.Kind == Heading && b.Level == 1 {
				a.Title = b.Text
				a.Blocks = append(a.Blocks[:i:i], a.Blocks[i+1:]...)
				break
			}
		}
	}
	return finish(a)
}

func finish(a *Article) (*Article, error) {
	if a.Slug == "" && a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil {
			a.Slug = strings.TrimSuffix(path.Base(strings.TrimSuffix(u.Path, "/")), path.Ext(u.Path))
			if a.Slug == "." || a.Slug == "/" {
				a.Slug = ""
			}
		}
	}
	if a.Title == "" && strings.TrimSpace(a.BodyText()) == "" {
		return nil, ErrEmpty
	}
	if a.Blocks == nil {
		a.Blocks = []Block{}
	}
	return a, nil
}

func firstLine(err error) error {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return errors.New(strings.TrimPrefix(msg, "yaml: "))
}

type mdWalker struct {
	src []byte
}

func (w *mdWalker) block(n ast.Node, a *Article) {
	switch n := n.(type) {
	case *ast.Heading:
		t, links := w.inline(n)
		a.Blocks = append(a.Blocks, Block{Kind: Heading, Level: n.Level, Text: t, Links: links})
	case *ast.Paragraph, *ast.TextBlock:
		if img, ok := w.onlyImage(n); ok {
			alt, _ := w.inline(img)
			a.Blocks = append(a.Blocks, Block{Kind: Image, Src: string(unescape(img.Destination)), Alt: alt})
			return
		}
		t, links := w.inline(n)
		if t != "" {
			a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: t, Links: links})
		}
	case *ast.List:
		b := Block{Kind: List}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			var parts []string
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				t, links := w.inline(c)
				if t != "" {
					parts = append(parts, t)
				}
				b.Links = append(b.Links, links...)
			}
			if len(parts) > 0 {
				b.Items = append(b.Items, strings.Join(parts, " "))
			}
		}
		b.Text = strings.Join(b.Items, "\n")
		if len(b.Items) > 0 {
			a.Blocks = append(a.Blocks, b)
		}
	case *ast.Blockquote:
		var parts []string
		var links []Link
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, l := w.inline(c)
			if t != "" {
				parts = append(parts, t)
			}
			links = append(links, l...)
		}
		if len(parts) > 0 {
			a.Blocks = append(a.Blocks, Block{Kind: Quote, Text: strings.Join(parts, " "), Links: links})
		}
	case *ast.HTMLBlock:
		var buf bytes.Buffer
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			buf.Write(seg.Value(w.src))
		}
		if sub, err := parseHTMLBody(buf.Bytes()); err == nil {
			a.Blocks = append(a.Blocks, sub...)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
		// Code and rules are not prose.
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.block(c, a)
		}
	}
}

func (w *mdWalker) onlyImage(n ast.Node) (*ast.Image, bool) {
	var img *ast.Image
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil, false
			}
			img = c
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(w.src))) > 0 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return img, img != nil
}

// inline returns the plain text of n's inline content and its links.
func (w *mdWalker) inline(n ast.Node) (string, []Link) {
	var b strings.Builder
	var links []Link
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(unescape(c.Segment.Value(w.src)))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				walk(c)
			case *ast.Link:
				start := b.Len()
				walk(c)
				links = append(links, Link{Text: b.String()[start:], URL: string(unescape(c.Destination))})
			case *ast.AutoLink:
				u := string(c.URL(w.src))
				b.WriteString(u)
				links = append(links, Link{Text: u, URL: u})
			case *ast.Image:
				// An inline image's alt text is not body text.
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return collapse(b.String()), links
}

// unescape resolves Markdown backslash escapes and character references
// in one pass, left to right, as CommonMark reads them: an escaped "&" is
// a literal ampersand, never the start of a reference.
func unescape(v []byte) []byte {
	if !bytes.ContainsAny(v, "\\&") {
		return v
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			out = append(out, v[i+1])
			i++
		case c == '&':
			end := bytes.IndexByte(v[i:min(len(v), i+40)], ';')
			if end > 1 && isRefName(v[i+1:i+end]) {
				ref := string(v[i : i+end+1])
				if un := html.UnescapeString(ref); un != ref {
					out = append(out, un...)
					i += end
					continue
				}
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// isRefName reports whether b can name a character reference: letters and
// digits, with a leading '#' for numeric ones.
func isRefName(b []byte) bool {
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && i == 0) {
			return false
		}
	}
	return len(b) > 0
}

// collapse folds runs of ASCII white space to one space and trims the
// ends. No-break spaces (U+00A0, U+202F) are kept: they are French
// typography, which the typography check reads.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// ParseHTML parses an HTML article: <title> is the SEO title, the first
// <h1> the title, <meta name="description"> the meta description, the
// canonical link gives the slug, <meta name="keyphrase"> the keyphrase.
func ParseHTML(src []byte) (*Article, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	a := &Article{}
	var body *html.Node
	var head func(n *html.Node)
	head = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if a.SEOTitle == "" {
					a.SEOTitle = nodeText(n)
				}
			case atom.Meta:
				name := strings.ToLower(attr(n, "name") + attr(n, "property"))
				content := strings.TrimSpace(attr(n, "content"))
				switch name {
				case "description":
					a.MetaDescription = content
				case "keyphrase", "plume:keyphrase", "focus-keyphrase":
					a.Keyphrase = content
				case "article:published_time", "date":
					a.Date = content
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					a.URL = attr(n, "href")
				}
			case atom.Body:
				body = n
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			head(c)
		}
	}
	head(doc)
	if body == nil {
		body = doc
	}
	a.Blocks = htmlBlocks(body)
	for i, b := range a.Blocks {
		if b.Kind == Heading && b.Level == 1 {
			a.Title = b.Text
			a.Blocks = append(a.Blocks[:i:i], a.Blocks[i+1:]...)
			break
		}
	}
	if a.Title == "" {
		a.Title = a.SEOTitle
	}
	return finish(a)
}

func parseHTMLBody(src []byte) ([]Block, error) {
	nodes, err := html.ParseFragment(bytes.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil, err
	}
	var out []Block
	for _, n := range nodes {
		wrap := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		wrap.AppendChild(n)
		out = append(out, htmlBlocks(wrap)...)
	}
	return out, nil
}

// htmlBlocks walks a body and emits its blocks. Text outside any block
// element becomes a paragraph, as browsers and Yoast treat it.
func htmlBlocks(root *html.Node) []Block {
	var out []Block
	var loose strings.Builder
	var looseLinks []Link
	flush := func() {
		if t := collapse(loose.String()); t != "" {
			out = append(out, Block{Kind: Paragraph, Text: t, Links: looseLinks})
		}
		loose.Reset()
		looseLinks = nil
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				loose.WriteString(c.Data)
			case c.Type != html.ElementNode:
			default:
				switch c.DataAtom {
				case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Svg, atom.Iframe, atom.Form, atom.Nav:
				case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					flush()
					t, links := inlineHTML(c)
					out = append(out, Block{Kind: Heading, Level: int(c.Data[1] - '0'), Text: t, Links: links})
				case atom.P:
					flush()
					if img := soleImage(c); img != nil {
						out = append(out, Block{Kind: Image, Src: attr(img, "src"), Alt: attr(img, "alt")})
						continue
					}
					if t, links := inlineHTML(c); t != "" {
						out = append(out, Block{Kind: Paragraph, Text: t, Links: links})
					}
				case atom.Ul, atom.Ol:
					flush()
					b := Block{Kind: List}
					for li := c.FirstChild; li != nil; li = li.NextSibling {
						if li.Type == html.ElementNode && li.DataAtom == atom.Li {
							t, links := inlineHTML(li)
							if t != "" {
								b.Items = append(b.Items, t)
							}
							b.Links = append(b.Links, links...)
						}
					}
					if len(b.Items) > 0 {
						b.Text = strings.Join(b.Items, "\n")
						out = append(out, b)
					}
				case atom.Blockquote:
					flush()
					if t, links := inlineHTML(c); t != "" {
						out = append(out, Block{Kind: Quote, Text: t, Links: links})
					}
				case atom.Img:
					flush()
					out = append(out, Block{Kind: Image, Src: attr(c, "src"), Alt: attr(c, "alt")})
				case atom.A:
					t, _ := inlineHTML(c)
					loose.WriteString(t)
					looseLinks = append(looseLinks, Link{Text: t, URL: attr(c, "href"), NoFollow: hasRel(c, "nofollow")})
				case atom.Br:
					loose.WriteByte(' ')
				default:
					if isInline(c.DataAtom) {
						t, links := inlineHTML(c)
						loose.WriteString(t)
						looseLinks = append(looseLinks, links...)
						continue
					}
					flush()
					walk(c)
					flush()
				}
			}
		}
	}
	walk(root)
	flush()
	return out
}

func isInline(a atom.Atom) bool {
	switch a {
	case atom.Span, atom.Em, atom.Strong, atom.B, atom.I, atom.U, atom.Small, atom.Sup, atom.Sub, atom.Abbr, atom.Cite, atom.Code, atom.Mark, atom.Q, atom.Time, atom.Data, atom.S, atom.Del, atom.Ins, atom.Kbd, atom.Var, atom.Dfn, atom.Bdi, atom.Bdo, atom.Wbr:
		return true
	}
	return false
}

func soleImage(p *html.Node) *html.Node {
	var img *html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && c.DataAtom == atom.Img && img == nil:
			img = c
		default:
			return nil
		}
	}
	return img
}

// inlineHTML returns the text of an element and the links inside it.
func inlineHTML(n *html.Node) (string, []Link) {
	var b strings.Builder
	var links []Link
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Script || c.DataAtom == atom.Style:
			case c.DataAtom == atom.Br:
				b.WriteByte(' ')
			case c.DataAtom == atom.A:
				start := b.Len()
				walk(c)
				links = append(links, Link{Text: strings.TrimSpace(b.String()[start:]), URL: attr(c, "href"), NoFollow: hasRel(c, "nofollow")})
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return collapse(b.String()), links
}

func nodeText(n *html.Node) string {
	t, _ := inlineHTML(n)
	return t
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasRel(n *html.Node, rel string) bool {
	for _, r := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
		if r == rel {
			return true
		}
	}
	return false
}

// Parse parses an article in Markdown or HTML, told apart by content.
func Parse(src []byte) (*Article, error) {
	trimmed := bytes.TrimLeft(src, " \t\r\n\ufeff")
	if bytes.HasPrefix(trimmed, []byte("<")) && !bytes.HasPrefix(trimmed, []byte("<!--")) || bytes.HasPrefix(bytes.ToLower(trimmed), []byte("<!doctype")) {
		return ParseHTML(src)
	}
	return ParseMarkdown(src)
}
