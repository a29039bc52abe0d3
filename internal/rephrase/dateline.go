package rephrase

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/lexicon"
)

// agencies are the wire services whose name, in brackets, marks a
// dateline: « WASHINGTON (Reuters) – ».
var agencies = map[string]bool{
	"reuters": true, "afp": true, "ap": true, "associated press": true, "bloomberg": true,
	"belga": true, "ats": true, "keystone-ats": true, "aps": true, "map": true, "tap": true,
	"ansa": true, "dpa": true, "efe": true, "xinhua": true, "kyodo": true, "yonhap": true,
	"anadolu": true, "aa": true, "agence france-presse": true, "relaxnews": true, "awp": true,
	"apa": true, "cna": true, "pana": true, "aip": true, "acp": true, "apanews": true,
}

// StripDateline removes a wire dateline from the start of a sentence:
// « WASHINGTON (Reuters) – L’Agence… » → « L’Agence… », and likewise
// « (AFP) - », « PARIS (AFP) — », « NEW YORK, (AP) – » or an all-capitals
// place the lexicon knows as a proper noun before a dash (« PÉKIN – »).
// A dateline holding a figure (« PARIS, 12 mars (AFP) – ») is refused: a
// date is a fact and is never dropped here. What follows the dateline
// must start with a capital letter, a digit or a quotation mark.
func StripDateline(s string) (string, bool) {
	// The dash that closes a dateline comes within its first 60 bytes.
	limit := min(len(s), 80)
	dash := -1
	dashLen := 0
	for i, r := range s[:limit] {
		if r == '–' || r == '—' || r == '-' {
			// A hyphen inside a word (« NEW-YORK ») is not the dash.
			if r == '-' && (i == 0 || s[i-1] != ' ' && s[i-1] != ')') {
				continue
			}
			dash, dashLen = i, utf8.RuneLen(r)
			break
		}
	}
	if dash <= 0 {
		return s, false
	}
	head := strings.TrimSpace(s[:dash])
	rest := strings.TrimLeft(s[dash+dashLen:], " \u00a0\u202f\t")
	for len(rest) > 0 && (rest[0] == '-') {
		rest = strings.TrimLeft(rest[1:], " \u00a0")
	}
	if head == "" || rest == "" || strings.ContainsAny(head, "0123456789") {
		return s, false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isOpenQuote(r) {
		return s, false
	}
	if !isDateline(head) {
		return s, false
	}
	return rest, true
}

// isDateline reports whether head (the text before the dash) is a
// dateline: an optional capitalised place, an optional comma, then a
// bracketed agency; or an all-capitals place alone.
func isDateline(head string) bool {
	place := head
	if strings.HasSuffix(head, ")") {
		open := strings.LastIndexByte(head, '(')
		if open < 0 || !agencies[strings.ToLower(strings.TrimSpace(head[open+1:len(head)-1]))] {
			return false
		}
		place = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(head[:open]), ","))
		if place == "" {
			return true
		}
		return placeName(place, false)
	}
	return placeName(place, true)
}

// placeName reports whether p looks like the place of a dateline: one to
// four words in capitals (or capitalised, next to an agency). Alone before
// a dash, an all-capitals word must be a place name the lexicon knows, so
// that an acronym (« CISA – … ») is not taken for one.
func placeName(p string, alone bool) bool {
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	allCaps := true
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return false
			}
			if unicode.IsLower(r) {
				allCaps = false
			}
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	if !alone {
		return true
	}
	if !allCaps {
		return false
	}
	title := strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
	for i := 1; i < len(title); i++ {
		if title[i-1] == ' ' || title[i-1] == '-' {
			title = title[:i] + strings.ToUpper(title[i:i+1]) + title[i+1:]
		}
	}
	return lexicon.Default().IsProperName(title)
}
