package token

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the type of a token.
type Kind uint8

// The kinds of token. Word-like kinds (see Kind.IsWord) are Word, Elision,
// Clitic, Abbrev, Number and Ordinal.
const (
	// Other is a rune that fits nowhere else: a control character or a byte
	// of invalid UTF-8.
	Other Kind = iota
	// Word is a word, hyphenated compounds included: "porte-parole",
	// "Storm-0558", "aujourd'hui", "presqu'île", "5G".
	Word
	// Elision is an elided word with its apostrophe (' or ’ as written):
	// "l'", "qu’", "jusqu'".
	Elision
	// Clitic is a pronoun joined to the verb before it, with its hyphen and,
	// if present, the euphonic t: "-il", "-t-il", "-vous", "-le", "-moi".
	// CliticPronoun gives the bare pronoun.
	Clitic
	// Abbrev is an abbreviation with its period(s), an initial or a dotted
	// acronym: "M.", "etc.", "janv.", "U.S.", "J.-C.", "S.", "n°".
	Abbrev
	// Number is a number: "2021", "30 000" (space, U+00A0 or U+202F between
	// groups of three), "12,5", "3.5", "24/7", "14h30", "14:30".
	Number
	// Ordinal is a numeral with an ordinal suffix: "1er", "2e", "3ème",
	// "XXIe", "Ier".
	Ordinal
	// Punct is punctuation: « » “ ” " ‘ ’ … ... ( ) [ ] : ; ! ? , . – — and
	// the like. Runs of periods and of ?/! are one token, and so are the
	// LaTeX-style quotes (two backquotes, two straight apostrophes).
	Punct
	// Symbol is a symbol: % € $ ° °C & + = § and other Unicode symbols.
	Symbol
	// URL is a web address, with a scheme ("https://…"), "www." or a bare
	// domain with a known top-level domain ("linkin-news.com").
	URL
	// Email is an e-mail address.
	Email
	// Handle is a social-media handle: "@Microsoft".
	Handle
	// Hashtag is a hashtag: "#cybersécurité".
	Hashtag
	// Emoji is an emoji with its modifiers, joiners and variation selectors.
	Emoji
)

var kindNames = [...]string{
	Other: "Other", Word: "Word", Elision: "Elision", Clitic: "Clitic",
	Abbrev: "Abbrev", Number: "Number", Ordinal: "Ordinal", Punct: "Punct",
	Symbol: "Symbol", URL: "URL", Email: "Email", Handle: "Handle",
	Hashtag: "Hashtag", Emoji: "Emoji",
}

// String returns the kind's name, as in the constant's identifier.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// IsWord reports whether tokens of this kind are words for counting and
// matching: Word, Elision, Clitic, Abbrev, Number and Ordinal.
func (k Kind) IsWord() bool {
	switch k {
	case Word, Elision, Clitic, Abbrev, Number, Ordinal:
		return true
	}
	return false
}

// Token is one token of a text. Text is always text[Start:End] of the text
// given to Tokenize (Start and End are byte offsets).
type Token struct {
	Text       string
	Start, End int
	Kind       Kind
}

// Tokenize splits French text into tokens. Every rune of text that is not
// white space (unicode.IsSpace) or an invisible format character (Unicode
// category Cf, such as U+200B or a byte-order mark) belongs to exactly one
// token; tokens are in text order and never overlap.
//
// Choices that later stages rely on:
//   - elisions are their own token, apostrophe included, only before a vowel
//     or h: "l'État" → "l'" "État"; "aujourd'hui", "prud'hommes",
//     "presqu'île", "quelqu'un" stay one word;
//   - hyphenated words stay one token, except inverted verbs whose clitic
//     pronouns are split off, each with its leading hyphen and the euphonic
//     t kept with the pronoun: "a-t-il" → "a" "-t-il", "dis-le-moi" →
//     "dis" "-le" "-moi"; "rendez-vous" stays one word;
//   - numbers grouped by a space, U+00A0 or U+202F are one token only when
//     the first group has 1–3 digits and every later group exactly 3:
//     "30 000" is one token, "2021 30" is two;
//   - a unit or currency is its own Symbol token: "12,5 %" → "12,5" "%".
func Tokenize(text string) []Token {
	tz := tokenizer{s: text, toks: make([]Token, 0, len(text)/5+1)}
	tz.run()
	return tz.toks
}

type tokenizer struct {
	s    string
	toks []Token
}

func (t *tokenizer) emit(start, end int, k Kind) {
	t.toks = append(t.toks, Token{Text: t.s[start:end], Start: start, End: end, Kind: k})
}

func (t *tokenizer) run() {
	s := t.s
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
			i = t.next(i, rune(c), 1)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			t.emit(i, i+1, Other)
			i++
			continue
		}
		if isBlank(r) {
			i += size
			continue
		}
		i = t.next(i, r, size)
	}
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isBlank reports whether r separates tokens without being one: white space
// and invisible format characters.
func isBlank(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// next scans the token that starts at i with rune r of size bytes and
// returns where the following token may start.
func (t *tokenizer) next(i int, r rune, size int) int {
	switch {
	case isLetter(r) || isDigit(r):
		// Links are looked for only where a word is followed by a character
		// that links have and words do not, or starts like a scheme.
		end, joins := scanWordJoins(t.s, i)
		if end < len(t.s) && strings.IndexByte(".@_%+:", t.s[end]) >= 0 {
			if lend, k := t.linkish(i); lend > i {
				t.emit(i, lend, k)
				return lend
			}
		}
		if r >= '0' && r <= '9' {
			return t.number(i)
		}
		return t.word(i, end, joins)
	case unicode.IsMark(r):
		end, joins := scanWordJoins(t.s, i)
		return t.word(i, end, joins)
	case r == '@':
		if end := t.handle(i + 1); end > i+1 {
			t.emit(i, end, Handle)
			return end
		}
	case r == '#':
		if end := t.hashtag(i + 1); end > i+1 {
			t.emit(i, end, Hashtag)
			return end
		}
	case isEmoji(r):
		end := emojiEnd(t.s, i+size, r)
		t.emit(i, end, Emoji)
		return end
	}
	return t.punct(i, r, size)
}

// ASCII classes, so that the common case of each predicate is inlined.
var asciiLetter, asciiWord = asciiClasses()

func asciiClasses() (letter, word [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		letter[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		word[c] = letter[c] || '0' <= c && c <= '9'
	}
	return letter, word
}

func isLetter(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiLetter[r]
	}
	return r >= 0 && unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return r >= 0 && unicode.IsDigit(r)
}

// isWordRune reports whether r can be inside a word.
func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r]
	}
	return r >= 0 && isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// runeAt decodes the rune at byte i, or returns (-1, 0) past the end.
func runeAt(s string, i int) (rune, int) {
	if i < len(s) && s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return runeAtSlow(s, i)
}

func runeAtSlow(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune that ends at byte i, or returns -1.
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}
