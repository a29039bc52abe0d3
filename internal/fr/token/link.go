package token

import (
	"unicode"
	"unicode/utf8"
)

// maxLinkScan bounds the look-ahead for a bare domain or an e-mail address:
// a domain name has at most 253 characters.
const maxLinkScan = 256

// linkish returns the end and kind of a URL or e-mail address starting at
// i, or (i, Other).
func (t *tokenizer) linkish(i int) (int, Kind) {
	s := t.s
	for _, scheme := range [...]string{"https://", "http://", "ftp://", "www."} {
		if e := i + len(scheme); e <= len(s) && equalFoldPrefix(s[i:e], scheme) {
			end := urlEnd(s, e)
			if end > e {
				return end, URL
			}
			return i, Other
		}
	}
	// Bounded scans keep tokenising linear on long runs such as
	// "aaa.aaa.aaa…", which would otherwise be rescanned from every word.
	limit := min(len(s), i+maxLinkScan)
	j, dot := i, false
	for j < limit {
		c := s[j]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
				c == '-' || c == '_' || c == '.' || c == '%' || c == '+' {
				dot = dot || c == '.'
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += size
	}
	if j < len(s) && s[j] == '@' && j > i {
		if end := domainEnd(s, j+1, false); end > j+1 {
			return end, Email
		}
	}
	if dot {
		if end := domainEnd(s, i, true); end > i {
			return end, URL
		}
	}
	return i, Other
}

// domainEnd returns the end of a domain name starting at i ("mail.example.fr"),
// followed by a path when withPath, or i if there is none. Without a scheme
// the top-level domain must be in tlds, so that "fin.Les" (a missing space)
// is not taken for a domain.
func domainEnd(s string, i int, withPath bool) int {
	limit := min(len(s), i+maxLinkScan)
	j, lastDot, firstDot := i, -1, -1
	for j < limit {
		r, size := runeAt(s, j)
		if r == '.' {
			if j == i || s[j-1] == '.' || s[j-1] == '-' {
				break
			}
			if firstDot < 0 {
				firstDot = j
			}
			lastDot = j
		} else if !(isLetter(r) || isDigit(r) || r == '-') {
			break
		}
		j += size
	}
	for j > i && (s[j-1] == '.' || s[j-1] == '-') {
		j--
	}
	if lastDot < 0 || lastDot >= j-1 {
		if lastDot >= j && firstDot < lastDot {
			// the last dot was trimmed: find the previous one
			lastDot = lastIndexByte(s[i:j], '.')
			if lastDot < 0 {
				return i
			}
			lastDot += i
		} else {
			return i
		}
	}
	tld := s[lastDot+1 : j]
	if withPath {
		if !tlds[tld] || firstDot-i < 2 {
			return i
		}
	} else if len(tld) < 2 || !allASCIILetters(tld) {
		return i
	}
	if withPath && j < len(s) && s[j] == '/' {
		return urlEnd(s, j)
	}
	return j
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func allASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// urlEnd returns the end of a URL whose body starts at i: up to white
// space or a quotation mark, without trailing punctuation, keeping a closing
// parenthesis that has its opening one inside the URL.
func urlEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := runeAt(s, j)
		if isBlank(r) || r == utf8.RuneError && size == 1 {
			break
		}
		switch r {
		case '<', '>', '"', '«', '»', '“', '”', '‘', '’', '`':
			return trimURL(s, i, j)
		}
		j += size
	}
	return trimURL(s, i, j)
}

func trimURL(s string, i, j int) int {
	for j > i {
		r := runeBefore(s, j)
		switch r {
		case '.', ',', ';', ':', '!', '?', '\'', '…':
		case ')':
			if countByte(s[i:j], '(') >= countByte(s[i:j], ')') {
				return j
			}
		case ']':
			if countByte(s[i:j], '[') >= countByte(s[i:j], ']') {
				return j
			}
		default:
			return j
		}
		j -= utf8.RuneLen(r)
	}
	return j
}

func countByte(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// handle returns the end of a handle's name starting at i (after "@").
func (t *tokenizer) handle(i int) int {
	s := t.s
	if r := runeBefore(s, i-1); isWordRune(r) {
		return i
	}
	j := i
	for j < len(s) {
		r, size := runeAt(s, j)
		if !isWordRune(r) && r != '_' {
			break
		}
		j += size
	}
	return j
}

// hashtag returns the end of a hashtag's name starting at i (after "#"); the
// name must hold a letter, so that "#1" stays a symbol and a number.
func (t *tokenizer) hashtag(i int) int {
	s := t.s
	if r := runeBefore(s, i-1); isWordRune(r) {
		return i
	}
	j, letter := i, false
	for j < len(s) {
		r, size := runeAt(s, j)
		if !isWordRune(r) && r != '_' {
			break
		}
		letter = letter || unicode.IsLetter(r)
		j += size
	}
	if !letter {
		return i
	}
	return j
}
