package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// skipped elements carry no article text: media, embedded code, form
// controls. go-trafilatura removes most of them already; the fallback
// extractors return freer HTML.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"iframe": true, "img": true, "picture": true, "source": true, "video": true,
	"audio": true, "canvas": true, "object": true, "embed": true, "head": true,
	"button": true, "input": true, "select": true, "textarea": true, "math": true,
}

// inline elements join their text to the surrounding text.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "del": true, "dfn": true, "em": true, "font": true,
	"i": true, "ins": true, "kbd": true, "mark": true, "q": true, "s": true,
	"samp": true, "small": true, "span": true, "strike": true, "strong": true,
	"sub": true, "sup": true, "time": true, "tt": true, "u": true, "var": true,
	"label": true, "big": true, "nobr": true, "wbr": true,
}

// tight elements sit against the preceding letters without a space:
// "1<sup>er</sup>", "XIX<sup>e</sup> siècle", "H<sub>2</sub>O".
func tight(tag string) bool { return tag == "sup" || tag == "sub" || tag == "wbr" }

func headingLevel(tag string) int {
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
		return int(tag[1] - '0')
	}
	return 0
}

// line accumulates the raw text of one block. It adds the spaces lost at
// inline element boundaries (see needsJoinSpace) and measures how much of
// the text came from caption-marked nodes.
type line struct {
	b          strings.Builder
	last       rune // last rune written, 0 at start
	boundary   bool // an inline boundary was crossed since the last write
	capRunes   int
	totalRunes int
}

func (l *line) write(s string) {
	if s == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, string(captionMark)))
	if l.boundary && needsJoinSpace(l.last, first) {
		l.b.WriteByte(' ')
	}
	l.boundary = false
	l.b.WriteString(s)
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	l.totalRunes += n
	if strings.ContainsRune(s, captionMark) {
		l.capRunes += n
	}
	if r, _ := utf8.DecodeLastRuneInString(s); r != captionMark {
		l.last = r
	}
}

// space separates the text of two blocks that are folded into one line,
// such as a paragraph inside a list item.
func (l *line) space() {
	if l.last != 0 && l.last != ' ' {
		l.b.WriteByte(' ')
		l.last = ' '
	}
	l.boundary = false
}

func (l *line) caption() bool { return l.capRunes > 0 && 2*l.capRunes > l.totalRunes }

func (l *line) take() (text string, caption bool) {
	text, caption = normalize(l.b.String()), l.caption()
	*l = line{}
	return text, caption
}

// collectInline appends the text under n to l, folding any block inside it
// into the same line. It is used where the result must be one line: a
// heading, a list item, a table cell.
func collectInline(n *html.Node, l *line, skipLists bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if c.PrevSibling != nil && c.PrevSibling.Type == html.TextNode {
				l.boundary = true // split by a node go-trafilatura removed
			}
			l.write(c.Data)
		case html.ElementNode:
			tag := c.Data
			switch {
			case skipped[tag]:
			case skipLists && (tag == "ul" || tag == "ol" || tag == "dl"):
			case tag == "br" || tag == "hr":
				l.space()
			case inline[tag]:
				if !tight(tag) {
					l.boundary = true
				}
				collectInline(c, l, skipLists)
				if !tight(tag) {
					l.boundary = true
				}
			default:
				l.space()
				collectInline(c, l, skipLists)
				l.space()
			}
		}
	}
}

// walker turns a content tree into blocks.
type walker struct {
	blocks []Block
	cur    line
	kind   Kind // kind of the text in cur
}

func walkContent(root *html.Node) []Block {
	w := &walker{kind: KindParagraph}
	w.children(root, KindParagraph)
	w.flush()
	return w.blocks
}

// emit appends b unless it is empty or repeats the block just before it:
// go-trafilatura's rescue path can return the same paragraph twice, and
// two identical consecutive blocks are never the author's intent.
func (w *walker) emit(b Block) {
	if b.Text == "" {
		return
	}
	if n := len(w.blocks); n > 0 && w.blocks[n-1].Kind == b.Kind && w.blocks[n-1].Text == b.Text {
		return
	}
	w.blocks = append(w.blocks, b)
}

// flush turns the pending inline text into a block of the current kind, or
// a caption when most of it came from a caption.
func (w *walker) flush() {
	text, caption := w.cur.take()
	kind := w.kind
	if caption {
		kind = KindCaption
	}
	w.emit(Block{Kind: kind, Text: text})
}

func (w *walker) children(n *html.Node, kind Kind) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, kind)
	}
}

func (w *walker) node(n *html.Node, kind Kind) {
	switch n.Type {
	case html.TextNode:
		if w.cur.totalRunes == 0 && strings.TrimSpace(n.Data) == "" {
			return
		}
		if n.PrevSibling != nil && n.PrevSibling.Type == html.TextNode {
			w.cur.boundary = true // split by a node go-trafilatura removed
		}
		w.kind = kind
		w.cur.write(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	tag := n.Data
	switch {
	case skipped[tag]:
	case inline[tag]:
		if !tight(tag) {
			w.cur.boundary = true
		}
		w.children(n, kind)
		if !tight(tag) {
			w.cur.boundary = true
		}
	case tag == "br" || tag == "hr":
		// A <br> inside running text is, in news pages, almost always a
		// paragraph break written the lazy way.
		w.flush()
	case headingLevel(tag) > 0:
		w.flush()
		var l line
		collectInline(n, &l, false)
		text, _ := l.take()
		w.emit(Block{Kind: KindHeading, Level: headingLevel(tag), Text: text})
	case tag == "ul" || tag == "ol" || tag == "dl":
		w.flush()
		w.list(n)
	case tag == "table":
		w.flush()
		w.table(n)
	case tag == "blockquote":
		w.flush()
		w.children(n, KindQuote)
		w.flush()
	case tag == "figure" || tag == "figcaption":
		w.flush()
		w.children(n, KindCaption)
		w.flush()
	default: // p, div, section, pre, li or td met outside their parent…
		w.flush()
		w.children(n, kind)
		w.flush()
	}
}

// list emits one list block whose items are the list's items in document
// order, nested lists flattened after their parent item.
func (w *walker) list(n *html.Node) {
	var items []string
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.Data] {
				continue
			}
			switch c.Data {
			case "li", "dt", "dd":
				var l line
				collectInline(c, &l, true)
				if text, _ := l.take(); text != "" {
					items = append(items, text)
				}
				collect(c) // nested lists
			default:
				collect(c)
			}
		}
	}
	collect(n)
	w.emitItems(KindList, items, "- ")
}

// table emits one table block, a row per item, cells joined by " | ".
func (w *walker) table(n *html.Node) {
	var rows []string
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.Data] {
				continue
			}
			if c.Data != "tr" {
				collect(c)
				continue
			}
			var cells []string
			for td := c.FirstChild; td != nil; td = td.NextSibling {
				if td.Type != html.ElementNode || (td.Data != "td" && td.Data != "th") {
					continue
				}
				var l line
				collectInline(td, &l, false)
				if text, _ := l.take(); text != "" {
					cells = append(cells, text)
				}
			}
			if len(cells) > 0 {
				rows = append(rows, strings.Join(cells, " | "))
			}
		}
	}
	collect(n)
	w.emitItems(KindTable, rows, "")
}

func (w *walker) emitItems(kind Kind, items []string, prefix string) {
	if len(items) == 0 {
		return
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(prefix)
		b.WriteString(it)
	}
	w.emit(Block{Kind: kind, Text: b.String(), Items: items})
}
