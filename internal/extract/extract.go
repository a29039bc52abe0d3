package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoContent is returned (wrapped) by FromHTML when neither go-trafilatura
// nor its readability / dom-distiller fallbacks find any article text, for
// example on a page made only of scripts. Callers branch on it with
// errors.Is to tell "nothing to clean" from a broken input.
var ErrNoContent = errors.New("no main content found")

// Kind names what a Block is in the article's own structure.
type Kind string

// The block kinds FromHTML emits.
const (
	// KindHeading is a heading; Block.Level holds 1–6 from <h1>–<h6>.
	KindHeading Kind = "heading"
	// KindParagraph is running text.
	KindParagraph Kind = "paragraph"
	// KindQuote is one paragraph of a <blockquote> (pull quotes, embedded
	// posts): often a verbatim quotation, sometimes a repeat of the body.
	KindQuote Kind = "quote"
	// KindList is a <ul>, <ol> or <dl>; Block.Items holds one entry per item,
	// nested lists flattened in document order.
	KindList Kind = "list"
	// KindTable is a <table>; Block.Items holds one entry per row, cells
	// separated by " | ".
	KindTable Kind = "table"
	// KindCaption is the text of a figure caption or photo credit. It is kept
	// so that the clean stage, not the extractor, decides whether it is
	// furniture.
	KindCaption Kind = "caption"
)

// Block is one unit of the article in reading order.
type Block struct {
	// Kind says what the block is.
	Kind Kind
	// Level is the heading level (1–6) for KindHeading, 0 otherwise.
	Level int
	// Text is the block's normalised text on one line; for lists and
	// tables it is Items joined by newlines, list items prefixed by "- ".
	Text string
	// Items holds the normalised items of a list or the rows of a table.
	Items []string
}

// Page is what FromHTML finds in one HTML page.
type Page struct {
	// Title, Author, Site and Description come from the page's metadata
	// (<meta>, OpenGraph, JSON-LD) as go-trafilatura reads them.
	Title, Author, Site, Description string
	// Date is the publication date as YYYY-MM-DD, empty when unknown.
	Date string
	// URL is the canonical URL the page declares, else the URL given.
	URL string
	// Language is the ISO 639-1 code of the main text (detected), else
	// the page's declared language.
	Language string
	// Blocks is the article in reading order.
	Blocks []Block
}

// Text returns the article as plain text, one block per line and list or
// table items on lines of their own. Captions are left out because they
// interrupt the prose and are usually furniture; callers who want them read
// Blocks.
func (p *Page) Text() string {
	var b strings.Builder
	for _, blk := range p.Blocks {
		if blk.Kind == KindCaption {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(blk.Text)
	}
	return b.String()
}

// FromHTML finds the main article of an HTML page and returns it with its
// metadata. pageURL may be empty; it resolves relative links in metadata and
// is the fallback for Page.URL. The page is parsed once (charset detected,
// NFC, soft hyphens removed, as go-trafilatura itself does) and
// go-trafilatura runs in its fast mode; only when that finds no text does
// FromHTML run the slower readability / dom-distiller fallbacks with
// FavorRecall on the same parsed tree. When nothing is found the error wraps
// ErrNoContent.
func FromHTML(r io.Reader, pageURL string) (*Page, error) {
	where := pageURL
	if where == "" {
		where = "page"
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("extract %s: read: %w", where, err)
	}
	doc, err := dom.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("extract %s: parse: %w", where, err)
	}
	prepare(doc)

	opts := trafilatura.Options{
		// Figures are dropped wholesale by default; keeping them is what
		// lets their captions reach the content tree (images themselves
		// are skipped by the walker).
		IncludeImages: true,
	}
	if u, perr := nurl.ParseRequestURI(pageURL); perr == nil && pageURL != "" {
		opts.OriginalURL = u
	}

	res, terr := extractDocument(doc, opts)
	blocks := blocksOf(res)
	if !hasProse(blocks) || onlyTitle(blocks, res) {
		opts.EnableFallback = true
		opts.Focus = trafilatura.FavorRecall
		if res2, err2 := extractDocument(doc, opts); err2 == nil {
			if b2 := blocksOf(res2); hasProse(b2) && !onlyTitle(b2, res2) {
				res, blocks, terr = res2, b2, nil
			}
		} else if terr == nil {
			terr = err2
		}
	}
	if !hasProse(blocks) || onlyTitle(blocks, res) {
		if terr != nil {
			return nil, fmt.Errorf("extract %s: %w (go-trafilatura: %v)", where, ErrNoContent, terr)
		}
		return nil, fmt.Errorf("extract %s: %w", where, ErrNoContent)
	}

	md := res.Metadata
	p := &Page{
		Title:       normalize(md.Title),
		Author:      normalize(md.Author),
		Site:        normalize(md.Sitename),
		Description: normalize(md.Description),
		URL:         strings.TrimSpace(md.URL),
		Language:    md.Language,
		Blocks:      blocks,
	}
	if !md.Date.IsZero() {
		p.Date = md.Date.Format("2006-01-02")
	}
	if p.URL == "" {
		p.URL = pageURL
	}
	return p, nil
}

// extractDocument runs go-trafilatura and turns a panic inside it into an
// error: the library walks arbitrary hostile HTML and plume serve must not
// die on one page.
func extractDocument(doc *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, fmt.Errorf("go-trafilatura panicked: %v", v)
		}
	}()
	return trafilatura.ExtractDocument(doc, opts)
}

func blocksOf(res *trafilatura.ExtractResult) []Block {
	if res == nil || res.ContentNode == nil {
		return nil
	}
	return walkContent(res.ContentNode)
}

// hasProse reports whether blocks hold any text that is not a caption: a
// page whose only "content" is a photo credit has no article.
func hasProse(blocks []Block) bool {
	for _, b := range blocks {
		if b.Kind != KindCaption && b.Text != "" {
			return true
		}
	}
	return false
}

// onlyTitle reports the last resort of go-trafilatura's baseline, which
// returns the whole document's text: on a page whose body holds only
// scripts that is the <title> alone, and a title is not an article.
func onlyTitle(blocks []Block, res *trafilatura.ExtractResult) bool {
	if res == nil {
		return false
	}
	title := lettersOnly(res.Metadata.Title)
	for _, b := range blocks {
		if b.Kind == KindCaption {
			continue
		}
		t := lettersOnly(b.Text)
		if title != "" {
			t = strings.ReplaceAll(t, title, "")
		}
		if t != "" {
			return false
		}
	}
	return true
}

// maxCaptionRunes bounds the text of an element that a caption-like class
// may mark: a wrapper named "has-caption" around a whole article must not
// turn the article into a caption.
const maxCaptionRunes = 500

// invisible elements never show text to a reader. go-trafilatura cleans
// most of them in its main path, but its last-resort baseline takes the
// whole body text, and it unwraps <template>; removing them first keeps a
// page of scripts and a "please enable JavaScript" notice from passing for
// an article.
var invisible = map[string]bool{"template": true, "svg": true, "math": true, "noscript": true}

// prepare readies the parsed page for go-trafilatura in one walk: it
// removes invisible elements and plants captionMark at the start of every
// text node inside <figcaption>, inside short elements whose class names
// say caption, légende or credit, and inside a paragraph that repeats the
// alt text of the image just before it.
func prepare(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && invisible[c.Data] {
			n.RemoveChild(c)
		} else {
			markCaptions(c)
		}
		c = next
	}
}

func markCaptions(n *html.Node) {
	if n.Type == html.ElementNode && isCaptionElement(n) {
		plantMarks(n)
		if n.Data == "figcaption" && !hasBlockChild(n) {
			// go-trafilatura only keeps text found in the tags it knows;
			// bare text in a <figcaption> would be dropped, so the caption
			// is presented to it as a paragraph.
			n.Data, n.DataAtom = "p", atom.P
		}
		return
	}
	if n.Type == html.ElementNode && n.Data == "img" {
		if next := altEcho(n); next != nil {
			plantMarks(next)
		}
	}
	prepare(n)
}

func isCaptionElement(n *html.Node) bool {
	switch n.Data {
	case "figcaption":
		return true
	case "script", "style", "head", "body", "html", "article", "main":
		return false
	}
	for _, a := range n.Attr {
		if (a.Key == "class" && captionClass(a.Val)) || (a.Key == "itemprop" && a.Val == "caption") {
			return textRunes(n, maxCaptionRunes+1) <= maxCaptionRunes
		}
	}
	return false
}

func captionClass(class string) bool {
	for _, tok := range strings.Fields(strings.ToLower(class)) {
		if strings.Contains(tok, "caption") || strings.Contains(tok, "legende") ||
			strings.Contains(tok, "légende") || strings.Contains(tok, "credit") {
			return true
		}
	}
	return false
}

// textRunes counts the runes of n's text, stopping once limit is reached.
func textRunes(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if total >= limit {
			return
		}
		if n.Type == html.TextNode {
			total += utf8.RuneCountInString(strings.TrimSpace(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return total
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !inline[c.Data] {
			return true
		}
	}
	return false
}

func plantMarks(n *html.Node) {
	if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
		n.Data = string(captionMark) + n.Data
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		plantMarks(c)
	}
}

// altEcho returns the element right after img when its text repeats the
// image's alt or title: a caption written as a plain paragraph under the
// picture ("<img alt="Tapie en 2008."><p>- Tapie en 2008. -</p>").
func altEcho(img *html.Node) *html.Node {
	next := img.NextSibling
	for next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" {
		next = next.NextSibling
	}
	if next == nil || next.Type != html.ElementNode || skipped[next.Data] {
		return nil
	}
	if textRunes(next, maxCaptionRunes+1) > maxCaptionRunes {
		return nil
	}
	text := lettersOnly(dom.TextContent(next))
	if len(text) < 8 {
		return nil
	}
	for _, a := range img.Attr {
		if a.Key != "alt" && a.Key != "title" {
			continue
		}
		alt := lettersOnly(a.Val)
		if len(alt) >= 8 && (strings.Contains(text, alt) || strings.Contains(alt, text)) {
			return next
		}
	}
	return nil
}

// lettersOnly keeps the lower-cased letters and digits of s, so that a
// caption and the alt text it echoes compare equal despite punctuation.
func lettersOnly(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
