package check

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
)

// Keyphrase is a focus keyphrase split the way Yoast splits it
// (docs/yoast-rules.md §1.5).
type Keyphrase struct {
	// Raw is the keyphrase as given, trimmed.
	Raw string
	// Quoted is set for a keyphrase in double quotes: an exact-match
	// request, matched as one unit with its function words.
	Quoted bool
	// Phrase is the lower-cased keyphrase without its quotes.
	Phrase string
	// Words are all its words, lower-cased, punctuation trimmed.
	Words []string
	// Content are the words that are not French function words (all words
	// when every one is); for a quoted keyphrase, the phrase itself.
	Content []string
	// OnlyFunction is set when every word is a function word and the
	// keyphrase is not quoted.
	OnlyFunction bool
}

// Empty reports whether there is no keyphrase to match.
func (k Keyphrase) Empty() bool { return len(k.Content) == 0 }

// Len is the keyphrase length k: the number of content words (1 for a
// quoted keyphrase).
func (k Keyphrase) Len() int { return len(k.Content) }

func isDoubleQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„', '‟', '❝', '❞', '〝', '〞', '＂':
		return true
	}
	return false
}

// ParseKeyphrase splits a keyphrase into its words and content words.
func ParseKeyphrase(raw string) Keyphrase {
	raw = strings.TrimSpace(raw)
	k := Keyphrase{Raw: raw}
	if raw == "" {
		return k
	}
	first, _ := utf8.DecodeRuneInString(raw)
	last, _ := utf8.DecodeLastRuneInString(raw)
	if len(raw) > 2 && isDoubleQuote(first) && isDoubleQuote(last) {
		inner := strings.TrimSpace(strings.TrimFunc(raw, isDoubleQuote))
		inner = strings.TrimFunc(inner, isPunct)
		if inner == "" {
			return k
		}
		k.Quoted = true
		k.Phrase = normQuotes(strings.ToLower(inner))
		k.Words = splitKeyphrase(k.Phrase)
		k.Content = []string{k.Phrase}
		return k
	}
	k.Phrase = normQuotes(strings.ToLower(raw))
	k.Words = splitKeyphrase(k.Phrase)
	for _, w := range k.Words {
		if !isFunctionWord(w) {
			k.Content = append(k.Content, w)
		}
	}
	if len(k.Content) == 0 && len(k.Words) > 0 {
		k.Content = append([]string(nil), k.Words...)
		k.OnlyFunction = true
	}
	return k
}

func splitKeyphrase(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '–' || r == '‐'
	}) {
		if w := strings.TrimFunc(f, isPunct); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// normQuotes writes apostrophes as ' and double quotes as ", as Yoast does
// before matching.
func normQuotes(s string) string {
	if !strings.ContainsAny(s, "’‘‛`«»“”„") {
		return s
	}
	return quoteReplacer.Replace(s)
}

var quoteReplacer = strings.NewReplacer("’", "'", "‘", "'", "‛", "'", "`", "'", "«", `"`, "»", `"`, "“", `"`, "”", `"`, "„", `"`)

// matcher counts keyphrase words in text.
type matcher interface {
	// count returns the occurrences of keyphrase word w in text.
	count(text, w string) int
	// countEach stores in out[i] the occurrences of ws[i] in text.
	countEach(text string, ws []string, out []int)
	// phraseAt returns the index, in words, of the first occurrence of the
	// whole keyphrase in text, and the words of text before it; -1 if
	// absent.
	phraseAt(text string, k Keyphrase) (int, []string)
}

// exactMatcher matches as Yoast's free analysis: the word as written, case-
// insensitive, with the keyphrase word also tried without accents.
type exactMatcher struct{}

func (exactMatcher) count(text, w string) int {
	t := normQuotes(strings.ToLower(text))
	n := countBounded(t, w)
	if tw := translit(w); tw != w {
		n += countBounded(t, tw)
	}
	return n
}

func (m exactMatcher) countEach(text string, ws []string, out []int) {
	t := normQuotes(strings.ToLower(text))
	for i, w := range ws {
		out[i] = countBounded(t, w)
		if tw := translit(w); tw != w {
			out[i] += countBounded(t, tw)
		}
	}
}

func (exactMatcher) phraseAt(text string, k Keyphrase) (int, []string) {
	t := normQuotes(strings.ToLower(text))
	best := -1
	for _, p := range []string{k.Phrase, translit(k.Phrase)} {
		if i := indexBounded(t, p); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return -1, nil
	}
	before := splitKeyphrase(t[:best])
	return len(before), before
}

// isBoundary reports the characters around a matched word (§1.5).
func isBoundary(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '—', '.', ',', '(', ')', '"', '+', '-', ';', '!', '¡', '?', '¿', ':', '/', '«', '»', '‹', '›', '<', '>', '“', '”', '„':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' }

func leftOK(t string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return isBoundary(r) || isApos(r)
}

func rightOK(t string, j int) bool {
	if j >= len(t) {
		return true
	}
	r, s := utf8.DecodeRuneInString(t[j:])
	if isBoundary(r) {
		return true
	}
	if isApos(r) {
		if j+s >= len(t) {
			return true
		}
		r2, _ := utf8.DecodeRuneInString(t[j+s:])
		return isBoundary(r2)
	}
	return false
}

func countBounded(t, w string) int {
	if w == "" {
		return 0
	}
	n := 0
	for i := 0; i <= len(t)-len(w); {
		j := strings.Index(t[i:], w)
		if j < 0 {
			break
		}
		j += i
		if leftOK(t, j) && rightOK(t, j+len(w)) {
			n++
			i = j + len(w)
			continue
		}
		_, s := utf8.DecodeRuneInString(t[j:])
		i = j + s
	}
	return n
}

func indexBounded(t, w string) int {
	if w == "" {
		return -1
	}
	for i := 0; i <= len(t)-len(w); {
		j := strings.Index(t[i:], w)
		if j < 0 {
			return -1
		}
		j += i
		if leftOK(t, j) && rightOK(t, j+len(w)) {
			return j
		}
		_, s := utf8.DecodeRuneInString(t[j:])
		i = j + s
	}
	return -1
}

// translit folds French diacritics one way, as Yoast does for the keyphrase
// word only: é → e, œ → oe, and ä ö ü as WordPress does.
func translit(s string) string {
	if isASCII(s) {
		return s
	}
	return translitReplacer.Replace(s)
}

var translitReplacer = strings.NewReplacer(
	"é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ä", "a",
	"î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u",
	"ç", "c", "œ", "oe", "æ", "ae", "ÿ", "y",
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// formsMatcher matches a keyphrase word in any of its inflected forms, with
// or without accents, after elision: plume's default.
type formsMatcher struct {
	forms map[string]map[string]bool
}

func newFormsMatcher(k Keyphrase) formsMatcher {
	m := formsMatcher{forms: map[string]map[string]bool{}}
	for _, w := range k.Words {
		m.forms[w] = formsOf(w)
	}
	for _, w := range k.Content {
		if _, ok := m.forms[w]; !ok {
			m.forms[w] = formsOf(w)
		}
	}
	return m
}

var (
	formsMu    sync.Mutex
	formsCache = map[string]map[string]bool{}
)

// formsOf returns the matching keys of every form of w's lemmas, preferring
// noun and adjective readings: « voitures » gives voiture, voitures.
func formsOf(w string) map[string]bool {
	formsMu.Lock()
	defer formsMu.Unlock()
	if f, ok := formsCache[w]; ok {
		return f
	}
	set := map[string]bool{matchKey(w): true}
	if !strings.Contains(w, " ") {
		lex := lexicon.Default()
		as := lex.LookupFold(stripElision(w))
		var lemmas []string
		for _, nominal := range []bool{true, false} {
			for _, a := range as {
				if nominal != (a.POS == lexicon.Noun || a.POS == lexicon.Adj || a.POS == lexicon.PropN) {
					continue
				}
				lemmas = append(lemmas, a.Lemma)
			}
			if len(lemmas) > 0 {
				break
			}
		}
		for _, l := range lemmas {
			for _, f := range lex.Forms(l) {
				set[matchKey(f)] = true
			}
		}
	}
	if len(formsCache) > 4096 {
		formsCache = map[string]map[string]bool{}
	}
	formsCache[w] = set
	return set
}

var elisions = []string{"l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'"}

func stripElision(w string) string {
	for _, e := range elisions {
		if len(w) > len(e) && strings.HasPrefix(w, e) {
			return w[len(e):]
		}
	}
	return w
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// matchKey is the key words are compared by in forms mode: folded, without
// accents or elision.
func matchKey(w string) string {
	if plainLower(w) {
		return stripElision(w)
	}
	if k, ok := foldFrench(w); ok {
		return stripElision(k)
	}
	return stripElision(token.Normalize(w))
}

// plainLower reports a word of lower-case ASCII letters, digits and
// apostrophes, which needs no folding.
func plainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'') {
			return false
		}
	}
	return true
}

// foldFrench folds the letters of French words without the cost of Unicode
// normalisation; ok is false for any other character.
func foldFrench(w string) (string, bool) {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'':
			b.WriteRune(r)
		case r == '’':
			b.WriteByte('\'')
		case r == 'œ':
			b.WriteString("oe")
		case r == 'æ':
			b.WriteString("ae")
		default:
			f, ok := foldMap[r]
			if !ok {
				return "", false
			}
			b.WriteByte(f)
		}
	}
	return b.String(), true
}

var foldMap = map[rune]byte{
	'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'à': 'a', 'â': 'a', 'ä': 'a', 'î': 'i', 'ï': 'i',
	'ô': 'o', 'ö': 'o', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ç': 'c', 'ÿ': 'y',
}

// formsWords splits text into the words forms mode compares.
func formsWords(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’')
	}) {
		if k := matchKey(strings.Trim(f, "'’")); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func (m formsMatcher) matches(key, w string) bool {
	if f, ok := m.forms[w]; ok {
		return f[key]
	}
	return key == matchKey(w)
}

func (m formsMatcher) count(text, w string) int {
	if strings.Contains(w, " ") { // a quoted keyphrase
		return m.countPhrase(formsWords(text), splitKeyphrase(w))
	}
	n := 0
	for _, k := range formsWords(text) {
		if m.matches(k, w) {
			n++
		}
	}
	return n
}

func (m formsMatcher) countEach(text string, ws []string, out []int) {
	var words []string
	for i, w := range ws {
		if strings.Contains(w, " ") {
			out[i] = m.count(text, w)
			continue
		}
		if words == nil {
			words = formsWords(text)
		}
		out[i] = 0
		for _, k := range words {
			if m.matches(k, w) {
				out[i]++
			}
		}
	}
}

func (m formsMatcher) countPhrase(words, phrase []string) int {
	n := 0
	for i := 0; i+len(phrase) <= len(words); {
		if m.runAt(words, i, phrase) {
			n++
			i += len(phrase)
			continue
		}
		i++
	}
	return n
}

func (m formsMatcher) runAt(words []string, i int, phrase []string) bool {
	for j, p := range phrase {
		if !m.matches(words[i+j], p) {
			return false
		}
	}
	return len(phrase) > 0
}

func (m formsMatcher) phraseAt(text string, k Keyphrase) (int, []string) {
	words := formsWords(text)
	for i := 0; i+len(k.Words) <= len(words); i++ {
		if m.runAt(words, i, k.Words) {
			return i, words[:i]
		}
	}
	return -1, nil
}

// countIn returns the occurrences of keyphrase word w in text with the
// document's matcher.
func (d *Document) countIn(text, w string) int { return d.match.count(text, w) }

// fullMatches returns how many full sets of the keyphrase's content words
// text holds: the minimum over content words of their occurrences.
func (d *Document) fullMatches(text string) int {
	if d.Keyphrase.Empty() {
		return 0
	}
	var buf [8]int
	counts := buf[:0]
	if len(d.Keyphrase.Content) > len(buf) {
		counts = make([]int, len(d.Keyphrase.Content))
	} else {
		counts = buf[:len(d.Keyphrase.Content)]
	}
	d.match.countEach(text, d.Keyphrase.Content, counts)
	min := counts[0]
	for _, n := range counts[1:] {
		min = minInt(min, n)
	}
	return min
}

// foundWords returns how many distinct content words occur in text.
func (d *Document) foundWords(text string) int {
	n := 0
	for _, w := range d.Keyphrase.Content {
		if d.countIn(text, w) > 0 {
			n++
		}
	}
	return n
}

// percentFound is round(found/k·100), Yoast's share of keyphrase words.
func (d *Document) percentFound(text string) int {
	k := d.Keyphrase.Len()
	if k == 0 {
		return 0
	}
	return jsRound(float64(d.foundWords(text)) / float64(k) * 100)
}
