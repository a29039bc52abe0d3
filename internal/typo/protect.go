package typo

import (
	"strings"
	"unicode/utf8"
)

// span is a byte range [start, end) of the input that no rule may change.
type span struct{ start, end int }

// maxProtect bounds how far a protected construct may reach, so that a stray
// delimiter costs linear time, not quadratic.
const maxProtect = 4096

// maxLink bounds a Markdown link destination and title.
const maxLink = 2048

// protectedSpans finds, in one left-to-right pass, the parts of s that are
// not prose: code spans, URLs, e-mail addresses, HTML tags, comments and
// entities, template tags ({{ }}, {% %}, {#id}), Markdown link destinations
// and backslash escapes. The spans are sorted and do not overlap.
func protectedSpans(s string, dst []span) []span {
	last := 0 // end of the last span: a new span may not start before it
	for i := 0; i < len(s); {
		c := s[i]
		end := -1
		start := i
		switch c {
		case '`':
			n := runLen(s, i, '`')
			if e := closeBackticks(s, i+n, n); e >= 0 {
				end = e
			} else {
				i += n
				continue
			}
		case ':':
			if strings.HasPrefix(s[i:], "://") {
				if st := schemeStart(s, i, last); st >= 0 {
					start = st
					end = urlEnd(s, i+3)
				}
			}
		case 'w', 'W':
			if (i == 0 || !isAlnumByte(s[i-1])) && len(s) > i+4 && strings.EqualFold(s[i:i+4], "www.") && isAlnumByte(s[i+4]) {
				end = urlEnd(s, i+4)
			}
		case '@':
			if st, e := emailAt(s, i, last); e > 0 {
				start, end = st, e
			}
		case '<':
			end = tagEnd(s, i)
		case '&':
			end = entityEnd(s, i)
		case '{':
			end = templateEnd(s, i)
		case ']':
			if i+1 < len(s) && s[i+1] == '(' {
				if e := parenEnd(s, i+1); e > 0 {
					start, end = i+1, e
				}
			}
		case '\\':
			if i+1 < len(s) && s[i+1] < utf8.RuneSelf && isASCIIPunct(s[i+1]) {
				end = i + 2
			}
		}
		if end > start && start >= last {
			dst = append(dst, span{start, end})
			last = end
			i = end
			continue
		}
		i++
	}
	return dst
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closeBackticks returns the end of the backtick run of exactly n that
// closes a code span opened before from, or -1. A code span does not cross a
// blank line.
func closeBackticks(s string, from, n int) int {
	for i := from; i < len(s) && i-from < maxProtect; {
		switch s[i] {
		case '`':
			m := runLen(s, i, '`')
			if m == n {
				return i + m
			}
			i += m
		case '\n':
			if j := skipHSpace(s, i+1); j < len(s) && (s[j] == '\n' || s[j] == '\r') {
				return -1
			}
			i++
		default:
			i++
		}
	}
	return -1
}

func skipHSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// schemeStart returns where the URL scheme ending at colon starts, or -1 if
// the letters before "://" are not a scheme plume links to.
func schemeStart(s string, colon, last int) int {
	st := colon
	for st > last && isASCIILetter(s[st-1]) {
		st--
	}
	if st > 0 && isAlnumByte(s[st-1]) {
		return -1
	}
	switch strings.ToLower(s[st:colon]) {
	case "http", "https", "ftp", "ftps", "sftp", "ws", "wss", "file":
		return st
	}
	return -1
}

// urlEnd extends a URL from i to the first space, quote or angle bracket,
// then gives back trailing punctuation that belongs to the sentence, as
// GitHub's autolinker does.
func urlEnd(s string, i int) int {
	j := i
	for j < len(s) && j-i < maxProtect {
		c := s[j]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if isSpaceRune(r) || r == '«' || r == '»' || r == '“' || r == '”' || r == '’' || r == '‘' || r == '…' {
			break
		}
		j += n
	}
	for j > i {
		c := s[j-1]
		switch c {
		case '.', ',', ':', ';', '!', '?', '\'', '*', '_', '~':
			j--
			continue
		case ')':
			if strings.Count(s[i:j], "(") < strings.Count(s[i:j], ")") {
				j--
				continue
			}
		case ']':
			if strings.Count(s[i:j], "[") < strings.Count(s[i:j], "]") {
				j--
				continue
			}
		}
		break
	}
	return j
}

func isEmailLocal(c byte) bool {
	return isAlnumByte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// emailAt recognises user@domain.tld around the '@' at i.
func emailAt(s string, i, last int) (start, end int) {
	st := i
	for st > last && i-st < 128 && isEmailLocal(s[st-1]) {
		st--
	}
	for st < i && s[st] == '.' {
		st++
	}
	if st == i || (st > 0 && s[st-1] >= utf8.RuneSelf) {
		return 0, 0
	}
	e := i + 1
	for e < len(s) && e-i < 256 && (isAlnumByte(s[e]) || s[e] == '.' || s[e] == '-') {
		e++
	}
	for e > i+1 && (s[e-1] == '.' || s[e-1] == '-') {
		e--
	}
	dot := strings.LastIndexByte(s[i+1:e], '.')
	if dot <= 0 {
		return 0, 0
	}
	tld := s[i+1+dot+1 : e]
	if len(tld) < 2 {
		return 0, 0
	}
	for k := 0; k < len(tld); k++ {
		if !isASCIILetter(tld[k]) {
			return 0, 0
		}
	}
	if e < len(s) && s[e] >= utf8.RuneSelf {
		if r, _ := utf8.DecodeRuneInString(s[e:]); isWordRune(r) {
			return 0, 0
		}
	}
	return st, e
}

// tagEnd returns the end of an HTML tag, comment, declaration or autolink
// starting at i, or -1. Neither crosses a blank line.
func tagEnd(s string, i int) int {
	if i+1 >= len(s) {
		return -1
	}
	if strings.HasPrefix(s[i:], "<!--") {
		lim := min(len(s), i+maxProtect)
		if k := strings.Index(s[i+4:lim], "-->"); k >= 0 {
			return i + 4 + k + 3
		}
		return -1
	}
	c := s[i+1]
	if !isASCIILetter(c) && c != '/' && c != '!' && c != '?' {
		return -1
	}
	if c == '/' && (i+2 >= len(s) || !isASCIILetter(s[i+2])) {
		return -1
	}
	for j := i + 1; j < len(s) && j-i < maxProtect; j++ {
		switch s[j] {
		case '>':
			return j + 1
		case '<':
			return -1
		case '\n': // attributes may wrap, but a tag never spans a blank line
			if k := skipHSpace(s, j+1); k >= len(s) || s[k] == '\n' || s[k] == '\r' {
				return -1
			}
		}
	}
	return -1
}

// entityEnd returns the end of an HTML character reference at i, or -1.
func entityEnd(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
		hex := j < len(s) && (s[j] == 'x' || s[j] == 'X')
		if hex {
			j++
		}
		k := j
		for j < len(s) && j-k < 8 && (isDigitByte(s[j]) || (hex && isHexLetter(s[j]))) {
			j++
		}
		if j == k {
			return -1
		}
	} else {
		k := j
		for j < len(s) && j-k < 32 && isAlnumByte(s[j]) {
			j++
		}
		if j-k < 2 {
			return -1
		}
	}
	if j < len(s) && s[j] == ';' {
		return j + 1
	}
	return -1
}

// templateEnd returns the end of {{ … }}, {% … %} or an attribute block
// {#id .class} / {: …} starting at i, or -1. They do not cross lines.
func templateEnd(s string, i int) int {
	if i+1 >= len(s) {
		return -1
	}
	var closer string
	switch s[i+1] {
	case '{':
		closer = "}}"
	case '%':
		closer = "%}"
	case '#', ':', '<':
		closer = "}"
	default:
		return -1
	}
	lim := min(len(s), i+maxProtect)
	rest := s[i+2 : lim]
	k := strings.Index(rest, closer)
	if k < 0 || strings.IndexByte(rest[:k], '\n') >= 0 {
		return -1
	}
	return i + 2 + k + len(closer)
}

// parenEnd returns the end of the balanced parenthesis group opening at i
// (a Markdown link destination and title), or -1.
func parenEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s) && j-i < maxLink; j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j + 1
			}
		case '\n', '\r':
			return -1
		case '\\':
			j++
		}
	}
	return -1
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigitByte(c byte) bool   { return c >= '0' && c <= '9' }
func isAlnumByte(c byte) bool   { return isASCIILetter(c) || isDigitByte(c) }
func isHexLetter(c byte) bool   { return c|0x20 >= 'a' && c|0x20 <= 'f' }
func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isAlnumByte(c)
}
