package extract

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// browserSkipped elements are never rendered as text by a browser, or hold
// data rather than prose.
var browserSkipped = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "object": true, "embed": true,
	"canvas": true, "video": true, "audio": true, "img": true, "picture": true,
	"input": true, "select": true, "textarea": true, "title": true, "meta": true,
	"link": true, "base": true, "rp": true, "rt": true, "param": true, "source": true,
	"track": true, "map": true, "area": true, "dialog": true,
}

// browserBlock elements are display: block in the default style sheet and
// so start and end a line.
var browserBlock = map[string]bool{
	"address": true, "article": true, "aside": true, "body": true, "center": true,
	"dd": true, "details": true, "dir": true, "div": true, "dt": true,
	"fieldset": true, "figcaption": true, "footer": true, "form": true,
	"header": true, "hgroup": true, "legend": true, "li": true, "main": true,
	"menu": true, "nav": true, "section": true, "summary": true, "tr": true,
	"caption": true, "option": true, "optgroup": true, "html": true, "search": true,
}

// browserParagraph elements have vertical margins in the default style
// sheet; a browser's copy puts a blank line around them.
var browserParagraph = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "figure": true, "ul": true, "ol": true, "dl": true,
	"pre": true, "table": true, "hr": true,
}

// BrowserText renders the <body> of an HTML page the way a browser's "select
// all" then "copy" gives it as plain text, in the spirit of the HTML
// innerText algorithm: block elements break lines, paragraphs, headings,
// lists, quotes, figures and tables are set off by a blank line, table cells
// are separated by a tab, <br> breaks the line, and whitespace collapses as
// with CSS white-space: normal (kept inside <pre>). Hidden content is left
// out: script, style, noscript, template, svg, iframe and media, elements
// with the hidden attribute, aria-hidden="true", or an inline style with
// display:none or visibility:hidden, and the body of a closed <details>.
// Images give no text (browsers do not copy alt text). No-break spaces are
// kept. The text is NFC without soft hyphens. An empty page gives "".
func BrowserText(r io.Reader) (string, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("browser text: read: %w", err)
	}
	doc, err := dom.Parse(bytes.NewReader(raw))
	if err != nil {
		return "", fmt.Errorf("browser text: parse: %w", err)
	}
	root := dom.QuerySelector(doc, "body")
	if root == nil {
		root = doc
	}
	var t textRenderer
	t.node(root, false)
	return t.String(), nil
}

// textRenderer writes text and line-break requests; consecutive requests
// merge to the largest, as in innerText's "required line break count".
type textRenderer struct {
	out     strings.Builder
	line    strings.Builder // current line, whitespace already collapsed
	breaks  int             // pending line breaks before the next text
	started bool            // some text has been written
	space   bool            // a collapsible space is pending on the line
	afterBR bool            // the last thing written was a <br> newline
}

func (t *textRenderer) requestBreak(n int) {
	if n > t.breaks {
		t.breaks = n
	}
	t.space = false
}

func (t *textRenderer) endLine() {
	s := strings.TrimRightFunc(t.line.String(), func(r rune) bool { return r == ' ' || r == '\t' })
	t.line.Reset()
	if s == "" {
		return
	}
	t.out.WriteString(s)
}

// text writes s; pre keeps its whitespace and newlines.
func (t *textRenderer) text(s string, pre bool) {
	for _, r := range s {
		if isInvisible(r) {
			continue
		}
		if pre && r == '\n' {
			t.flushBreaks()
			t.endLine()
			t.out.WriteByte('\n')
			continue
		}
		if !pre && unicode.IsSpace(r) && !isNoBreakSpace(r) {
			t.space = true
			continue
		}
		t.flushBreaks()
		if t.space && t.line.Len() > 0 && !strings.HasSuffix(t.line.String(), "\t") {
			t.line.WriteByte(' ')
		}
		t.space = false
		t.line.WriteRune(r)
		t.started = true
		t.afterBR = false
	}
}

// flushBreaks turns pending break requests into newlines before text.
func (t *textRenderer) flushBreaks() {
	if t.breaks == 0 {
		return
	}
	t.endLine()
	n := t.breaks
	if t.afterBR {
		// The <br> already ended the line: "a<br></p>" is not a blank line.
		n--
	}
	if t.started && n > 0 {
		t.out.WriteString(strings.Repeat("\n", n))
	}
	t.breaks = 0
	t.afterBR = false
	t.space = false
}

// hardBreak is a <br>: a newline that, unlike block breaks, counts even
// when the line is empty.
func (t *textRenderer) hardBreak() {
	t.flushBreaks()
	t.endLine()
	if t.started {
		t.out.WriteByte('\n')
		t.afterBR = true
	}
	t.space = false
}

func (t *textRenderer) String() string {
	t.endLine()
	return normalizeLines(t.out.String())
}

func (t *textRenderer) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data, pre)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	tag := n.Data
	if n.Type == html.ElementNode {
		if browserSkipped[tag] || hiddenElement(n) {
			return
		}
	}
	switch {
	case tag == "br":
		t.hardBreak()
		return
	case tag == "td" || tag == "th":
		if prev := prevElement(n); prev != nil && (prev.Data == "td" || prev.Data == "th") {
			t.flushBreaks()
			t.line.WriteByte('\t')
			t.space = false
		}
	}
	breaks := 0
	switch {
	case browserParagraph[tag]:
		breaks = 2
	case browserBlock[tag]:
		breaks = 1
	}
	if breaks > 0 {
		t.requestBreak(breaks)
	}
	childPre := pre || tag == "pre" || tag == "listing" || tag == "plaintext"
	closedDetails := tag == "details" && !hasAttr(n, "open")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if closedDetails && (c.Type != html.ElementNode || c.Data != "summary") {
			continue
		}
		t.node(c, childPre)
	}
	if breaks > 0 {
		t.requestBreak(breaks)
	}
}

func prevElement(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return p
		}
	}
	return nil
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hiddenElement reports elements a browser does not render: the hidden
// attribute, aria-hidden="true" and an inline display:none or
// visibility:hidden. Style sheets are not evaluated.
func hiddenElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if styleHides(a.Val) {
				return true
			}
		}
	}
	return false
}

// styleHides reads an inline style attribute for display:none or
// visibility:hidden, ignoring case, spaces and !important.
func styleHides(style string) bool {
	for _, decl := range strings.Split(style, ";") {
		prop, val, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		prop = strings.ToLower(strings.TrimSpace(prop))
		val = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(val), "!important")))
		if (prop == "display" && val == "none") || (prop == "visibility" && (val == "hidden" || val == "collapse")) {
			return true
		}
	}
	return false
}

// normalizeLines trims the end of each line, treats a line of spaces
// (no-break ones included) as blank, keeps at most one blank line in a row,
// drops leading and trailing blank lines and returns NFC text.
func normalizeLines(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	blank := false
	for _, ln := range lines {
		ln = strings.TrimRight(ln, " \t")
		if strings.TrimFunc(ln, unicode.IsSpace) == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(ln)
	}
	return nfc(b.String())
}
