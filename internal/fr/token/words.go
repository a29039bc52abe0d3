package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words returns the words of text in order: the tokens whose Kind.IsWord is
// true. Elisions keep their apostrophe ("l'", "qu’"); clitic pronouns are
// given bare ("a-t-il" gives "a", "il"), so that each element is a word
// form a lexicon can look up.
func Words(text string) []string {
	toks := Tokenize(text)
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		switch {
		case t.Kind == Clitic:
			words = append(words, CliticPronoun(t.Text))
		case t.Kind.IsWord():
			words = append(words, t.Text)
		}
	}
	return words
}

// CliticPronoun returns the pronoun of a Clitic token's text, without its
// hyphen and euphonic t: "-t-il" → "il", "-elle" → "elle", "-moi" → "moi".
// Other strings are returned unchanged.
func CliticPronoun(s string) string {
	r, size := runeAt(s, 0)
	if !isHyphen(r) {
		return s
	}
	s = s[size:]
	if len(s) > 2 && (s[0] == 't' || s[0] == 'T') {
		if r, size := runeAt(s, 1); isHyphen(r) && len(s) > 1+size {
			return s[1+size:]
		}
	}
	return s
}

// CountWords counts the words of text exactly as Yoast SEO does for French
// (yoastseo getWords/countWords, used by its word-count assessments): the
// text is split at every white-space character — the no-break spaces U+00A0
// and U+202F included — then leading and trailing punctuation from Yoast's
// list (quotes, guillemets, brackets, dashes, . , ; : ! ? …) is trimmed from
// each unit and the non-empty units are counted.
//
// Consequences worth knowing: "l'administration" and "porte-parole" count
// 1, "30 000" counts 2 whatever the space (Yoast's choice, kept so that our
// figures match what editors see in WordPress), a lone « or – counts 0, but
// a lone "%", "€" or emoji counts 1 because Yoast's list does not hold them.
// CountAlnumWords is the variant that ignores such units. HTML is not
// stripped: give plain text.
func CountWords(text string) int {
	n := 0
	forEachField(text, func(f string) {
		if trimYoastPunct(f) != "" {
			n++
		}
	})
	return n
}

// CountAlnumWords counts the white-space-separated units of text (split as
// CountWords does) that hold at least one letter or digit. It equals
// CountWords except for units made only of symbols or emoji ("%", "€",
// "🙂"), which it does not count.
func CountAlnumWords(text string) int {
	n := 0
	forEachField(text, func(f string) {
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				return
			}
		}
	})
	return n
}

// forEachField calls fn with each run of text between JavaScript white-space
// characters (the \s of Yoast's regular expressions).
func forEachField(text string, fn func(string)) {
	start := -1
	for i := 0; i < len(text); {
		r, size := runeAt(text, i)
		if isJSSpace(r) {
			if start >= 0 {
				fn(text[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		fn(text[start:])
	}
}

// isJSSpace is JavaScript's \s: Unicode white space (Zs), the ASCII
// controls, the line and paragraph separators and the byte-order mark.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// yoastPunct is the character class of Yoast's removePunctuation
// (packages/yoastseo/src/languageProcessing/helpers/sanitize/removePunctuation.js).
// Note that it holds ’ but not ‘, and neither % nor €.
const yoastPunct = "–-()_[]’“”〝〞〟‟„\"'.?!:;,¿¡«»‹›×+&۔—؟،؛。｡！‼？⁇⁉⁈‥…・ー、〃〄〆〇〈〉《》「」『』【】〒〓〔〕〖〗〘〙〚〛〜〠〶〼〽｛｝｜～｟｠｢｣､［］･￥＄％＠＆＇（）＊／：；＜＞＼<>"

func isYoastPunct(r rune) bool {
	if r < utf8.RuneSelf {
		return strings.IndexByte("-()_[]\"'.?!:;,+&<>", byte(r)) >= 0
	}
	return strings.ContainsRune(yoastPunct, r)
}

func trimYoastPunct(f string) string {
	return strings.TrimRightFunc(strings.TrimLeftFunc(f, isYoastPunct), isYoastPunct)
}

// StartsUpper reports whether s opens with an upper-case letter: a
// capitalised word (« Microsoft », « États-Unis »).
func StartsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
