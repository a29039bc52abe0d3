package render

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
	"gopkg.in/yaml.v3"
)

// frontMatter is the YAML front matter, its fields in the order a person
// reads them. Hugo and Jekyll take title, description, slug and date as
// they are; seo_title, keyphrase and sources are plume's (SEO plugins and
// themes read them).
type frontMatter struct {
	Title       string        `yaml:"title"`
	SEOTitle    string        `yaml:"seo_title,omitempty"`
	Description string        `yaml:"description,omitempty"`
	Slug        string        `yaml:"slug,omitempty"`
	Keyphrase   string        `yaml:"keyphrase,omitempty"`
	Date        string        `yaml:"date,omitempty"`
	Lang        string        `yaml:"lang,omitempty"`
	Sources     []frontSource `yaml:"sources,omitempty"`
}

type frontSource struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url,omitempty"`
}

// Markdown renders a as Markdown with YAML front matter. The title lives in
// the front matter only (Hugo and Jekyll print it from there), so the body
// starts with the lead. The body is CommonMark with GFM, escaped only where a
// character would otherwise change the meaning, so that
// [article.ParseMarkdown] gives back the same fields and blocks.
//
// What Markdown cannot say is not printed: a heading's section kind, a
// link's nofollow, a source's site, the canonical URL and the FAQ (which is
// also in the blocks). Links with unsafe URLs are dropped, their text kept.
func Markdown(a *article.Article) []byte {
	var buf bytes.Buffer
	buf.Grow(estimate(a))
	writeFrontMatter(&buf, a)
	var m mdWriter
	m.buf = &buf
	first := true
	bullet := byte('*')
	for _, b := range a.Blocks {
		lines := blockLines(b)
		if b.Kind != article.Image && len(lines) == 0 {
			continue
		}
		if b.Kind == article.Image && b.Src == "" && collapse(b.Alt) == "" {
			continue
		}
		if !first {
			buf.WriteByte('\n')
		}
		first = false
		spans := markdownSpans(b, lines)
		switch b.Kind {
		case article.Heading:
			lvl := min(max(b.Level, 1), 6)
			buf.WriteString("######"[:lvl])
			buf.WriteByte(' ')
			m.line(lines[0], spans, b.Links, ctxHeading)
			buf.WriteByte('\n')
		case article.List:
			// Two lists in a row would merge into one; CommonMark starts a
			// new list when the bullet character changes.
			if bullet == '-' {
				bullet = '*'
			} else {
				bullet = '-'
			}
			for i, it := range lines {
				buf.WriteByte(bullet)
				buf.WriteByte(' ')
				m.line(it, spansOn(spans, i), b.Links, ctxBlockStart)
				buf.WriteByte('\n')
			}
		case article.Quote:
			buf.WriteString("> ")
			m.line(lines[0], spans, b.Links, ctxBlockStart)
			buf.WriteByte('\n')
		case article.Image:
			buf.WriteString("![")
			m.text(collapse(b.Alt), '[', ']', ctxLinkText)
			buf.WriteString("](")
			if src, ok := safeURL(b.Src); ok {
				writeDest(&buf, src)
			}
			buf.WriteString(")\n")
		default: // paragraphs, and any kind a newer model adds
			m.line(lines[0], spans, b.Links, ctxBlockStart)
			buf.WriteByte('\n')
		}
		if b.Kind != article.List {
			bullet = '*'
		}
	}
	return buf.Bytes()
}

// markdownSpans places a block's links for Markdown: as everywhere, less
// a link that would open a list item with the text "x" or "X", which GFM
// would read as a task box whatever follows "[x]"; its text stays.
func markdownSpans(b article.Block, lines []string) []span {
	spans := placeLinks(lines, b.Links, keepSafe)
	if b.Kind != article.List {
		return spans
	}
	out := spans[:0]
	for _, s := range spans {
		if t := lines[s.line][s.start:s.end]; s.start == 0 && (t == "x" || t == "X") {
			continue
		}
		out = append(out, s)
	}
	return out
}

func keepSafe(l article.Link) bool {
	_, ok := safeURL(l.URL)
	return ok
}

func spansOn(spans []span, line int) []span {
	var out []span
	for _, s := range spans {
		if s.line == line {
			out = append(out, s)
		}
	}
	return out
}

func estimate(a *article.Article) int {
	n := 512
	for _, b := range a.Blocks {
		n += len(b.Text) + len(b.Src) + len(b.Alt) + 16
		for _, l := range b.Links {
			n += len(l.URL) + 4
		}
	}
	return n
}

func writeFrontMatter(buf *bytes.Buffer, a *article.Article) {
	fm := frontMatter{
		Title:       clean(a.Title),
		Description: clean(a.MetaDescription),
		Slug:        clean(a.Slug),
		Keyphrase:   clean(a.Keyphrase),
		Date:        clean(a.Date),
		Lang:        clean(a.Lang),
	}
	if seo := clean(a.SEOTitle); seo != fm.Title {
		fm.SEOTitle = seo
	}
	for _, s := range a.Sources {
		fs := frontSource{Title: clean(s.Title), URL: clean(s.URL)}
		if fs.Title == "" && fs.URL == "" {
			continue
		}
		fm.Sources = append(fm.Sources, fs)
	}
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	// Encoding plain strings into a buffer cannot fail; should a future
	// field make it fail, the front matter is left with its delimiters only
	// rather than panicking.
	if err := enc.Encode(fm); err == nil {
		_ = enc.Close()
	}
	buf.WriteString("---\n\n")
}

// clean makes a front-matter value valid UTF-8 on one line: yaml.v3 prints
// invalid UTF-8 as !!binary, and Hugo and Jekyll read titles on one line.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.ContainsAny(s, "\n\r\t") {
		s = collapse(s)
	}
	return strings.TrimSpace(s)
}

// writeDest prints a link destination. The bare form is kept when it reads
// back unchanged; otherwise the <…> form takes spaces and unbalanced
// parentheses. An '&' that would read as an entity is written "&amp;":
// goldmark resolves entities in destinations after removing backslashes,
// so "\&" would not protect it.
func writeDest(buf *bytes.Buffer, u string) {
	bare := true
	depth := 0
	for i := 0; i < len(u) && bare; i++ {
		switch c := u[i]; {
		case c <= ' ' || c == '<' || c == '>' || c == '\\' || c == 0x7f:
			bare = false
		case c == '(':
			depth++
		case c == ')':
			depth--
			bare = depth >= 0
		}
	}
	bare = bare && depth == 0
	if !bare {
		buf.WriteByte('<')
	}
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c == '&' && entityAt(u[i+1:]):
			buf.WriteString("&amp;")
		case !bare && (c == '<' || c == '>' || c == '\\'):
			buf.WriteByte('\\')
			buf.WriteByte(c)
		default:
			buf.WriteByte(c)
		}
	}
	if !bare {
		buf.WriteByte('>')
	}
}

// Contexts of a run of inline text.
const (
	ctxBlockStart = iota // paragraph, list item or quote: block syntax at the start
	ctxHeading           // ATX heading: a closing #-sequence or {attrs} at the end
	ctxLinkText          // inside [ ]: brackets always escaped
)

type mdWriter struct {
	buf *bytes.Buffer
}

// line prints one line of a block with its links.
func (m *mdWriter) line(s string, spans []span, links []article.Link, ctx int) {
	pos := 0
	prev := rune(' ')
	for _, sp := range spans {
		if sp.start > pos {
			m.textCtx(s[pos:sp.start], prev, '[', ctx, pos == 0, false)
		}
		m.buf.WriteByte('[')
		m.text(s[sp.start:sp.end], '[', ']', ctxLinkText)
		m.buf.WriteString("](")
		u, _ := safeURL(links[sp.link].URL)
		writeDest(m.buf, u)
		m.buf.WriteByte(')')
		pos = sp.end
		prev = ')'
	}
	if pos < len(s) {
		m.textCtx(s[pos:], prev, ' ', ctx, pos == 0, true)
	}
}

func (m *mdWriter) text(s string, prev, next rune, ctx int) {
	m.textCtx(s, prev, next, ctx, false, false)
}

// textCtx prints s escaped. prev and next are the characters printed
// around it (a space stands for the line's ends; '[' and ')' for link
// syntax); atStart and atEnd say whether s begins or ends the line.
func (m *mdWriter) textCtx(s string, prev, next rune, ctx int, atStart, atEnd bool) {
	esc := make([]bool, len(s)) // esc[i]: put a backslash before byte i
	if atStart && ctx == ctxBlockStart {
		markBlockStart(s, esc)
	}
	if atEnd && ctx == ctxHeading {
		markHeadingEnd(s, esc)
	}
	p := prev
	for i, r := range s {
		size := utf8.RuneLen(r)
		if size < 0 {
			size = 1
		}
		n := next
		if i+size < len(s) {
			n, _ = utf8.DecodeRuneInString(s[i+size:])
		}
		switch r {
		case '\\':
			esc[i] = esc[i] || isASCIIPunct(n)
		case '`':
			esc[i] = true
		case '*', '~':
			// A delimiter with space on both sides can neither open nor
			// close emphasis or strikethrough: "2 * 3" stays as it is.
			esc[i] = esc[i] || !(isSpace(p) && isSpace(n))
		case '_':
			// Within a word (snake_case) or between spaces, '_' is literal.
			esc[i] = esc[i] || !(isSpace(p) && isSpace(n)) && !(isWordChar(p) && isWordChar(n))
		case '[':
			esc[i] = esc[i] || ctx == ctxLinkText
		case ']':
			// "]" followed by "(" or ":" would make a link or a link
			// reference definition; a lone "[…]" of a French quotation is
			// plain text.
			esc[i] = esc[i] || ctx == ctxLinkText || n == '(' || n == ':' || n == '['
		case '!':
			esc[i] = esc[i] || n == '['
		case '<':
			esc[i] = esc[i] || n < utf8.RuneSelf && (isASCIILetter(byte(n)) || n == '/' || n == '!' || n == '?')
		case '&':
			esc[i] = esc[i] || entityAt(s[i+1:])
		case '@':
			// GFM autolinks bare e-mail addresses.
			esc[i] = esc[i] || isEmailChar(p) && n < utf8.RuneSelf && isASCIILetterOrDigit(byte(n))
		case 'h', 'f', 'w':
			// GFM autolinks bare http://, https://, ftp:// and www. URLs.
			if !isWordChar(p) {
				markAutolink(s[i:], esc[i:])
			}
		}
		p = r
	}
	for i := 0; i < len(s); i++ {
		if esc[i] {
			m.buf.WriteByte('\\')
		}
		m.buf.WriteByte(s[i])
	}
}

// markBlockStart escapes what would make a line open a block other than a
// paragraph: an ATX heading, a list item, a block quote, a thematic break,
// a GFM task box or a definition (Hugo's definition lists).
func markBlockStart(s string, esc []bool) {
	if s == "" {
		return
	}
	switch c := s[0]; {
	case c == '#':
		n := 0
		for n < len(s) && s[n] == '#' {
			n++
		}
		if n <= 6 && (n == len(s) || s[n] == ' ') {
			esc[0] = true
		}
	case c == '-' || c == '+' || c == '*' || c == '>' || c == ':':
		if c == '>' || len(s) == 1 || s[1] == ' ' {
			esc[0] = true
		}
		if c != '>' && c != ':' && thematicBreak(s) {
			esc[0] = true
		}
	case c == '_':
		if thematicBreak(s) {
			esc[0] = true
		}
	case c >= '0' && c <= '9':
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n <= 9 && n < len(s) && (s[n] == '.' || s[n] == ')') && (n+1 == len(s) || s[n+1] == ' ') {
			esc[n] = true
		}
	case c == '[':
		if len(s) >= 3 && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') && s[2] == ']' {
			esc[0] = true
		}
	}
}

func thematicBreak(s string) bool {
	c := s[0]
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// markHeadingEnd escapes a closing sequence of '#' (which ATX headings drop)
// and a trailing {…} (which Hugo reads as heading attributes).
func markHeadingEnd(s string, esc []bool) {
	t := strings.TrimRight(s, " ")
	if t == "" {
		return
	}
	if t[len(t)-1] == '#' {
		i := len(t)
		for i > 0 && t[i-1] == '#' {
			i--
		}
		if i == 0 || t[i-1] == ' ' {
			esc[i] = true
		}
	}
	if t[len(t)-1] == '}' {
		if i := strings.LastIndexByte(t, '{'); i >= 0 {
			esc[i] = true
		}
	}
}

func markAutolink(s string, esc []bool) {
	for _, p := range []string{"http://", "https://", "ftp://"} {
		if strings.HasPrefix(s, p) {
			esc[len(p)-3] = true // the colon
			return
		}
	}
	if strings.HasPrefix(s, "www.") {
		esc[3] = true
	}
}

// entityAt says whether s (what follows an '&') makes an HTML entity or
// numeric character reference, which CommonMark would decode.
func entityAt(s string) bool {
	i := 0
	if strings.HasPrefix(s, "#x") || strings.HasPrefix(s, "#X") {
		i = 2
		for i < len(s) && i < 8 && isHex(s[i]) {
			i++
		}
		return i > 2 && i < len(s) && s[i] == ';'
	}
	if strings.HasPrefix(s, "#") {
		i = 1
		for i < len(s) && i < 8 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > 1 && i < len(s) && s[i] == ';'
	}
	for i < len(s) && i < 32 && isASCIILetterOrDigit(s[i]) {
		i++
	}
	return i > 0 && i < len(s) && s[i] == ';'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIILetterOrDigit(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

func isASCIIPunct(r rune) bool {
	return r < utf8.RuneSelf && r > ' ' && r != 0x7f && !isASCIILetterOrDigit(byte(r))
}

// isSpace is CommonMark's Unicode white space, with the line's ends.
func isSpace(r rune) bool { return unicode.IsSpace(r) }

// isWordChar is neither white space nor punctuation, as CommonMark's
// flanking rules see letters and digits of any script.
func isWordChar(r rune) bool {
	return !isSpace(r) && !isASCIIPunct(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r)
}

func isEmailChar(r rune) bool {
	return r < utf8.RuneSelf && (isASCIILetterOrDigit(byte(r)) || strings.ContainsRune(".+-_", r))
}
