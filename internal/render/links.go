package render

import (
	"strings"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
)

// span is a link placed on a line of a block: bytes [start, end) of
// lines[line] carry links[link].
type span struct {
	line, start, end, link int
}

// placeLinks puts each link on an occurrence of its text in lines. Links are
// placed in order, each after the previous one when it can be, so that two
// links sharing a text land on successive occurrences and the parsed-back
// order is the model's order; a link falls back to its first free
// occurrence, and is left out (its text stays as plain text) when its text is
// empty, spans lines, overlaps another link or is not in the block at all.
// keep says whether a link may be placed (renderers drop unsafe URLs).
// The result is sorted by position.
func placeLinks(lines []string, links []article.Link, keep func(article.Link) bool) []span {
	if len(links) == 0 {
		return nil
	}
	var out []span
	free := func(line, start, end int) bool {
		for _, s := range out {
			if s.line == line && start < s.end && s.start < end {
				return false
			}
		}
		return true
	}
	find := func(text string, fromLine, fromByte int) (span, bool) {
		for l := fromLine; l < len(lines); l++ {
			off := 0
			if l == fromLine {
				off = fromByte
			}
			for off <= len(lines[l]) {
				i := strings.Index(lines[l][off:], text)
				if i < 0 {
					break
				}
				s := span{line: l, start: off + i, end: off + i + len(text)}
				if free(s.line, s.start, s.end) {
					return s, true
				}
				off += i + 1
			}
		}
		return span{}, false
	}
	curLine, curByte := 0, 0
	for i, lk := range links {
		text := collapse(lk.Text)
		if text == "" || strings.Contains(text, "\n") || (keep != nil && !keep(lk)) {
			continue
		}
		s, ok := find(text, curLine, curByte)
		if !ok {
			s, ok = find(text, 0, 0)
		}
		if !ok {
			continue
		}
		s.link = i
		out = append(out, s)
		curLine, curByte = s.line, s.end
	}
	// Insertion sort: a handful of links per block.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j].line < out[j-1].line || out[j].line == out[j-1].line && out[j].start < out[j-1].start); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// collapse turns every run of ASCII white space (line breaks included) into
// one space and trims the ends. No-break spaces are French typography, not
// layout, and are kept.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// isCollapsed says whether collapse would return s unchanged, without
// allocating: the common case of a writer's clean text.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\r', '\v', '\f':
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		}
	}
	return utf8.ValidString(s)
}

// blockLines returns a block's text lines as the renderers print them: a list's
// items, or the block's text on one line.
func blockLines(b article.Block) []string {
	if b.Kind == article.List {
		items := b.Items
		if len(items) == 0 {
			items = strings.Split(b.Text, "\n")
		}
		out := make([]string, 0, len(items))
		for _, it := range items {
			if it = collapse(it); it != "" {
				out = append(out, it)
			}
		}
		return out
	}
	if t := collapse(b.Text); t != "" {
		return []string{t}
	}
	return nil
}

// safeURL reports whether a link or image address may be printed, and gives
// it cleaned: only http, https and mailto URLs and relative references pass;
// javascript:, data:, vbscript:, file: and every other scheme are refused.
// Tabs and line breaks are removed and C0 controls refused first, as a
// browser's URL parser strips them ("java\tscript:" is javascript:).
func safeURL(raw string) (string, bool) {
	u := strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(u, "\t\n\r") {
		u = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, u)
	}
	if u == "" || !validUTF8(u) {
		return "", false
	}
	for i := 0; i < len(u); i++ {
		if c := u[i]; c < ' ' || c == 0x7f {
			return "", false
		}
	}
	// A scheme is whatever precedes a colon that comes before any '/', '?'
	// or '#'; without one the address is relative.
	end := strings.IndexAny(u, ":/?#")
	if end < 0 || u[end] != ':' {
		return u, true
	}
	switch strings.ToLower(u[:end]) {
	case "http", "https", "mailto":
		return u, true
	}
	return "", false
}

func validUTF8(s string) bool { return utf8.ValidString(s) }
