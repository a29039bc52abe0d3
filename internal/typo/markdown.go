package typo

import (
	"strings"
	"unicode/utf8"
)

// piece is the prose part of one Markdown line: doc[start:end], without the
// line's indentation, block markers (>, list bullets, #) or hard-break
// spaces.
type piece struct{ start, end int }

// mdUnit is one block of prose (a paragraph, a heading, a list item, a
// table row or a front matter value) whose pieces are fixed together, so
// that quotes pair across the lines of a paragraph.
type mdUnit struct {
	pieces    []piece
	yamlPlain bool // a plain YAML scalar: reject fixes that would change its parse
}

// frontMatterKeys are the front matter fields whose values are prose.
var frontMatterKeys = map[string]bool{
	"title": true, "seo_title": true, "subtitle": true, "description": true,
	"summary": true, "excerpt": true, "lead": true, "caption": true, "alt": true,
}

// FixMarkdown applies Fix to the prose of a Markdown document and leaves its
// syntax alone: front matter (but the values of title, description and
// similar prose fields), fenced and indented code, raw HTML blocks (pre,
// script, style, textarea, comments), thematic breaks, table delimiter rows,
// link reference definitions, block markers, hard line breaks, code spans,
// link destinations, autolinks, HTML tags and entities. Quotes pair across
// the lines of a paragraph, never across blocks.
func FixMarkdown(doc string, st Style) string {
	units := markdownUnits(doc)
	e := engines.Get().(*engine)
	defer engines.Put(e)
	var b strings.Builder
	var buf []byte
	last := 0
	for _, u := range units {
		text := u.join(doc, &buf)
		if !e.run(text, st) {
			continue
		}
		var ub strings.Builder
		e.render(&ub)
		out := ub.String()
		if u.yamlPlain && !yamlSafe(text, out) {
			continue
		}
		if last == 0 {
			b.Grow(len(doc) + len(doc)/16)
		}
		for k, p := range u.pieces {
			part := out
			if k < len(u.pieces)-1 {
				nl := strings.IndexByte(out, '\n')
				part, out = out[:nl], out[nl+1:]
			}
			b.WriteString(doc[last:p.start])
			b.WriteString(part)
			last = p.end
		}
	}
	if last == 0 {
		return doc
	}
	b.WriteString(doc[last:])
	return b.String()
}

// CheckMarkdown returns what FixMarkdown(doc, st) would change, with byte
// offsets into doc. Apply(doc, CheckMarkdown(doc, st)) equals
// FixMarkdown(doc, st).
func CheckMarkdown(doc string, st Style) []Issue {
	units := markdownUnits(doc)
	e := engines.Get().(*engine)
	defer engines.Put(e)
	var out, tmp []Issue
	var buf []byte
	for _, u := range units {
		text := u.join(doc, &buf)
		if !e.run(text, st) {
			continue
		}
		if u.yamlPlain {
			var ub strings.Builder
			e.render(&ub)
			if !yamlSafe(text, ub.String()) {
				continue
			}
		}
		tmp = e.issues(tmp[:0], 0)
		// Map offsets in the joined text back to the document. No issue
		// crosses a line: gaps end at line breaks and breaks never change.
		k, base := 0, 0
		for _, is := range tmp {
			for k < len(u.pieces)-1 && is.Start > base+u.pieces[k].end-u.pieces[k].start {
				base += u.pieces[k].end - u.pieces[k].start + 1
				k++
			}
			d := u.pieces[k].start - base
			is.Start += d
			is.End += d
			out = append(out, is)
		}
	}
	return out
}

// join returns the unit's prose, lines joined by '\n'. A one-line unit
// costs no copy.
func (u *mdUnit) join(doc string, buf *[]byte) string {
	if len(u.pieces) == 1 {
		return doc[u.pieces[0].start:u.pieces[0].end]
	}
	b := (*buf)[:0]
	for k, p := range u.pieces {
		if k > 0 {
			b = append(b, '\n')
		}
		b = append(b, doc[p.start:p.end]...)
	}
	*buf = b
	return string(b)
}

// yamlSafe reports whether a fixed plain YAML scalar still parses as the
// same plain string: no new ": " or " #", no leading indicator.
func yamlSafe(before, after string) bool {
	if after == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(after[0])) {
		return false
	}
	return strings.Count(after, ": ") <= strings.Count(before, ": ") &&
		strings.Count(after, " #") <= strings.Count(before, " #") &&
		!strings.HasSuffix(after, ":")
}

// lineAt returns the line starting at pos without its line ending, and the
// start of the next line.
func lineAt(doc string, pos int) (line string, next int) {
	nl := strings.IndexByte(doc[pos:], '\n')
	if nl < 0 {
		line, next = doc[pos:], len(doc)
	} else {
		line, next = doc[pos:pos+nl], pos+nl+1
	}
	return strings.TrimSuffix(line, "\r"), next
}

// markdownUnits splits doc into blocks of prose. It is a line-oriented
// reading of CommonMark's block structure, enough to know what is prose.
func markdownUnits(doc string) []mdUnit {
	var units []mdUnit
	var para []piece
	flush := func() {
		if len(para) > 0 {
			units = append(units, mdUnit{pieces: para})
			para = nil
		}
	}
	pos := frontMatter(doc, &units)
	var fenceChar byte
	fenceLen := 0
	rawUntil := ""
	prevBlank, inList, inCode := true, false, false
	for pos < len(doc) {
		ls := pos
		l, next := lineAt(doc, pos)
		pos = next
		if fenceLen > 0 {
			t := strings.TrimLeft(l, " ")
			if len(l)-len(t) < 4 && runLen(t, 0, fenceChar) >= fenceLen && strings.TrimSpace(t[runLen(t, 0, fenceChar):]) == "" {
				fenceLen = 0
			}
			continue
		}
		if rawUntil != "" {
			if strings.Contains(strings.ToLower(l), rawUntil) {
				rawUntil = ""
			}
			continue
		}
		if strings.TrimSpace(l) == "" {
			flush()
			prevBlank = true
			continue
		}
		if strings.IndexByte(l, '\r') >= 0 {
			// A bare carriage return inside a line: the engine would read
			// a line break that Markdown does not; leave the line alone.
			flush()
			continue
		}
		ind, p := indentation(l)
		if ind >= 4 && len(para) == 0 && (inCode || !inList) {
			inCode = true // indented code block
			continue
		}
		inCode = false
		if ind == 0 && prevBlank {
			inList = false
		}
		prevBlank = false
		rest := l[p:]
		if c, n := fenceOpen(rest); n > 0 {
			flush()
			fenceChar, fenceLen = c, n
			continue
		}
		if closing, ok := rawHTMLStart(rest); ok {
			flush()
			if !strings.Contains(strings.ToLower(rest), closing) {
				rawUntil = closing
			}
			continue
		}
		if isThematicOrSetext(rest) || isTableDelimiter(rest) || isLinkRefDef(rest) {
			flush()
			continue
		}
		q := p
		newBlock, single := false, false
		for q < len(l) && l[q] == '>' { // block quote markers
			q++
			if q < len(l) && (l[q] == ' ' || l[q] == '\t') {
				q++
			}
		}
		if n := listMarker(l[q:]); n > 0 {
			q += n
			newBlock, inList = true, true
			if len(l)-q >= 4 && l[q] == '[' && l[q+2] == ']' && (l[q+1] == ' ' || l[q+1] == 'x' || l[q+1] == 'X') && (l[q+3] == ' ' || l[q+3] == '\t') {
				q += 4 // task list box
			}
		} else if n := atxHeading(l[q:]); n > 0 {
			q += n
			single = true
		} else if strings.HasPrefix(l[q:], "|") {
			single = true // a table row
		}
		// Any leading space, Unicode ones included, stays in the prefix:
		// trimmed by the engine, it could turn the line into a heading or
		// a list item on the next run.
		for q < len(l) {
			r, n := utf8.DecodeRuneInString(l[q:])
			if !isSpaceRune(r) {
				break
			}
			q += n
		}
		// Marker characters followed by unusual whitespace (\v, U+2003…)
		// would become a heading or a list item once Fix turns that
		// whitespace into a space: keep them out of the prose too.
		if m := q + len(l[q:]) - len(strings.TrimLeft(l[q:], "#>*+-=0123456789.)")); m > q {
			w := m
			for w < len(l) {
				r, n := utf8.DecodeRuneInString(l[w:])
				if !isSpaceRune(r) {
					break
				}
				w += n
			}
			if strings.Trim(l[m:w], " \t") != "" {
				q = w
			}
		}
		end := len(l)
		if t := strings.TrimRight(l, " "); len(l)-len(t) >= 2 {
			end = len(t) // hard line break: keep its spaces
		}
		if q > end {
			q = end
		}
		if newBlock || single {
			flush()
		}
		para = append(para, piece{ls + q, ls + end})
		if single {
			flush()
		}
	}
	flush()
	return units
}

// frontMatter adds the prose values of a YAML front matter to units and
// returns where the body starts (0 without front matter).
func frontMatter(doc string, units *[]mdUnit) int {
	first, pos := lineAt(doc, 0)
	delim := strings.TrimRight(first, " ")
	if delim != "---" && delim != "+++" {
		return 0
	}
	var found []mdUnit
	for pos < len(doc) {
		ls := pos
		l, next := lineAt(doc, pos)
		pos = next
		t := strings.TrimRight(l, " ")
		if t == delim || (delim == "---" && t == "...") {
			*units = append(*units, found...)
			return pos
		}
		if delim == "---" {
			if u, ok := yamlProse(l, ls); ok {
				found = append(found, u)
			}
		}
	}
	return 0 // never closed: not front matter
}

// yamlProse returns the value of a top-level "key: value" line whose key
// holds prose, as a unit: the inside of a double-quoted scalar without
// escapes, or a plain scalar.
func yamlProse(l string, ls int) (mdUnit, bool) {
	colon := strings.Index(l, ": ")
	if colon <= 0 || !frontMatterKeys[l[:colon]] {
		return mdUnit{}, false
	}
	vs := colon + 2
	for vs < len(l) && l[vs] == ' ' {
		vs++
	}
	val := strings.TrimRight(l[vs:], " ")
	if val == "" {
		return mdUnit{}, false
	}
	if val[0] == '"' {
		inner := val[1:]
		if len(inner) == 0 || inner[len(inner)-1] != '"' {
			return mdUnit{}, false
		}
		inner = inner[:len(inner)-1]
		if strings.ContainsAny(inner, "\\\"") {
			return mdUnit{}, false
		}
		return mdUnit{pieces: []piece{{ls + vs + 1, ls + vs + 1 + len(inner)}}}, true
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'%@`", rune(val[0])) || strings.Contains(val, " #") {
		return mdUnit{}, false
	}
	return mdUnit{pieces: []piece{{ls + vs, ls + vs + len(val)}}, yamlPlain: true}, true
}

// indentation returns the width of the leading whitespace of l in columns
// (a tab to the next multiple of 4) and in bytes.
func indentation(l string) (cols, n int) {
	for n < len(l) {
		switch l[n] {
		case ' ':
			cols++
		case '\t':
			cols += 4 - cols%4
		default:
			return cols, n
		}
		n++
	}
	return cols, n
}

func fenceOpen(s string) (byte, int) {
	if s == "" || (s[0] != '`' && s[0] != '~') {
		return 0, 0
	}
	n := runLen(s, 0, s[0])
	if n < 3 || (s[0] == '`' && strings.IndexByte(s[n:], '`') >= 0) {
		return 0, 0
	}
	return s[0], n
}

// rawHTMLStart recognises the HTML blocks whose content is not prose, and
// returns the lower-case text that ends them.
func rawHTMLStart(s string) (string, bool) {
	if strings.HasPrefix(s, "<!--") {
		return "-->", true
	}
	if len(s) < 2 || s[0] != '<' {
		return "", false
	}
	ls := strings.ToLower(s)
	for _, name := range [...]string{"pre", "script", "style", "textarea"} {
		if strings.HasPrefix(ls[1:], name) && (len(ls) == len(name)+1 || strings.IndexByte(" \t>", ls[len(name)+1]) >= 0) {
			return "</" + name, true
		}
	}
	return "", false
}

func isThematicOrSetext(s string) bool {
	t := strings.TrimRight(s, " \t")
	if t == "" {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' && c != '=' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
			if c == '=' {
				return false
			}
		default:
			return false
		}
	}
	return n >= 3 || (n >= 1 && (c == '=' || c == '-') && !strings.ContainsAny(t, " \t"))
}

func isTableDelimiter(s string) bool {
	t := strings.TrimSpace(s)
	return strings.ContainsRune(t, '-') && strings.ContainsRune(t, '|') && strings.Trim(t, "|:- \t") == ""
}

func isLinkRefDef(s string) bool {
	if !strings.HasPrefix(s, "[") || strings.HasPrefix(s, "[^") {
		return false
	}
	end := strings.Index(s, "]:")
	return end > 1 && !strings.ContainsRune(s[1:end], ']')
}

// listMarker returns the length of a list marker and its following space at
// the start of s, or 0.
func listMarker(s string) int {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		return 2
	}
	if len(s) == 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+') {
		return 1
	}
	n := 0
	for n < len(s) && n < 9 && isDigitByte(s[n]) {
		n++
	}
	if n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && (s[n+1] == ' ' || s[n+1] == '\t') {
		return n + 2
	}
	return 0
}

// atxHeading returns the length of "## " at the start of s, or 0.
func atxHeading(s string) int {
	n := runLen(s, 0, '#')
	if n == 0 || n > 6 {
		return 0
	}
	if n == len(s) || s[n] == ' ' || s[n] == '\t' {
		return n
	}
	return 0
}
