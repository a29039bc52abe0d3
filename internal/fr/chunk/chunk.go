package chunk

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
)

// Kind says what a Phrase names.
type Kind uint8

// The kinds of phrases.
const (
	// Common is a common noun phrase: « serveurs de messagerie ».
	Common Kind = iota
	// Proper is a name: a run of capitalised words (« Jen Psaki »,
	// « Microsoft Exchange », « Office 365 », « Storm-0558 ») or a noun
	// phrase whose head is capitalised inside the sentence (« Agence
	// nationale de sécurité », « Maison Blanche »).
	Proper
	// Acronym is a word in capitals: « CISA », « FBI », « UCG ».
	Acronym
)

// String returns the kind's name in lower case.
func (k Kind) String() string {
	switch k {
	case Common:
		return "common"
	case Proper:
		return "proper"
	case Acronym:
		return "acronym"
	}
	return "unknown"
}

// MarshalText writes the kind's name, so that JSON output is readable.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Phrase is one noun phrase of a sentence.
type Phrase struct {
	// Text is the phrase as written, sentence[Start:End]. A leading
	// determiner is matched but left out (« la directive d'urgence » gives
	// « directive d'urgence »), since keyphrases and entities do without it.
	Text       string `json:"text"`
	Start, End int    // byte offsets in the sentence
	// Head is the word the phrase is about: the first noun of a common
	// phrase or of a name built like one (« Agence » in « Agence nationale
	// de sécurité »), the last word of a run of names (« Psaki » in « Jen
	// Psaki », « Exchange » in « Microsoft Exchange »; a trailing number
	// is skipped: « Office » in « Office 365 »), the acronym itself.
	Head string `json:"head"`
	// HeadLemma is Head's lemma: lower-cased for common nouns
	// (« groupes » → « groupe »), as written for names.
	HeadLemma string `json:"head_lemma"`
	// Lemmas are the lemmas of the content words (nouns, adjectives,
	// participles, names, numbers of product names), in order.
	Lemmas []string `json:"lemmas"`
	Kind   Kind     `json:"kind"`
}

// Phrases tokenises and tags sentence and returns its noun phrases in order.
func Phrases(sentence string) []Phrase {
	toks := token.Tokenize(sentence)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	return Chunk(toks, pos.Default().Tag(words), sentence)
}

// Chunk returns the noun phrases of one sentence already tokenised (tokens,
// with offsets into sentence) and tagged (tags, one UPOS tag per token, as
// pos.Tagger.Tag gives them). Tokens without a tag are read as "X"; offsets
// outside sentence make the phrase's Text the tokens joined by spaces.
func Chunk(tokens []token.Token, tags []string, sentence string) []Phrase {
	if len(tokens) == 0 {
		return nil
	}
	c := newChunker(tokens, tags, sentence)
	var out []Phrase
	for i := 0; i < len(c.toks); {
		p, next, ok := c.at(i)
		if ok {
			out = append(out, p)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return out
}

// class is what capitalisation and the lexicon say about one token.
type class uint8

const (
	clsOther     class = iota // punctuation, numbers, symbols…
	clsWord                   // a lower-case (or sentence-initial) word
	clsName                   // a capitalised word that is a name
	clsCapCommon              // a capitalised common noun or adjective: « Agence », « Maison »
	clsAcronym                // a word in capitals: « CISA »
)

type chunker struct {
	toks     []token.Token
	tags     []string
	cls      []class
	sentence string
	lex      *lexicon.Lexicon
}

func newChunker(tokens []token.Token, tags []string, sentence string) *chunker {
	c := &chunker{toks: tokens, tags: make([]string, len(tokens)), cls: make([]class, len(tokens)), sentence: sentence, lex: lexicon.Default()}
	for i := range tokens {
		if i < len(tags) && tags[i] != "" {
			c.tags[i] = tags[i]
		} else {
			c.tags[i] = "X"
		}
	}
	first := true // the first word of the sentence is capitalised whatever it is
	for i, t := range tokens {
		c.cls[i] = c.classify(i, first)
		switch {
		case t.Kind.IsWord():
			first = false
		case t.Kind == token.Punct && openers[t.Text]:
			first = true
		}
	}
	return c
}

func (c *chunker) classify(i int, initial bool) class {
	t := c.toks[i]
	switch t.Kind {
	case token.Word:
	case token.Elision, token.Clitic, token.Abbrev, token.Ordinal:
		return clsWord
	default:
		return clsOther
	}
	s := t.Text
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || isState(s) || capitalisedCommon[s] {
		// « l'État » is the state, a common noun in spite of its capital.
		return clsWord
	}
	tag := c.tags[i]
	if isAcronym(s) {
		if commonAcronyms[s] {
			return clsWord
		}
		if utf8.RuneCountInString(s) > 4 && c.lex.IsProperName(titleCase(s)) {
			return clsName // « WASHINGTON » in a dateline
		}
		return clsAcronym
	}
	if strings.ContainsRune(s, '-') && hasDigit(s) { // Storm-0558, COVID-19
		return clsName
	}
	lower := strings.ToLower(s)
	if initial {
		// Only the lexicon and the tagger can tell a name from an
		// ordinary word at the start of a sentence.
		if tag == "PROPN" || c.lex.IsProperName(s) || !c.lex.HasFold(lower) && isContentTag(tag) {
			return clsName
		}
		if institutions[lower] && (tag == "NOUN" || tag == "PROPN") {
			return clsCapCommon
		}
		return clsWord
	}
	if !isContentTag(tag) && !c.lex.IsProperName(s) && c.lex.Has(lower) {
		// A capitalised function word or auxiliary inside a sentence is
		// a stray capital, not a name.
		return clsWord
	}
	if c.lex.IsProperName(s) {
		return clsName
	}
	if tag == "PROPN" {
		// The tagger calls most capitalised words PROPN; a word the
		// lexicon knows only in lower case as a noun is a common noun
		// written with a capital (« ministère du Commerce »).
		if c.isCommonNoun(lower) && len(c.lex.Lookup(s)) == 0 {
			return clsCapCommon
		}
		return clsName
	}
	if c.isCommonNoun(lower) || c.isAdj(lower) {
		if len(c.lex.Lookup(s)) > 0 {
			// The lexicon spells it capitalised (« Chine », « Europe »).
			return clsName
		}
		return clsCapCommon
	}
	return clsName
}

// isFirstName reports whether token i is a first name: a proper name the
// lexicon gives a gender (surnames and places are epicene there).
func (c *chunker) isFirstName(i int) bool {
	var buf [8]lexicon.Analysis
	for _, a := range c.lex.AppendLookup(buf[:0], c.toks[i].Text) {
		if a.POS == lexicon.PropN && (a.Gender == lexicon.Masc || a.Gender == lexicon.Fem) {
			return true
		}
	}
	return false
}

func (c *chunker) isCommonNoun(lower string) bool {
	return c.lex.TagSet(lower).Has(lexicon.Noun)
}

func (c *chunker) isAdj(lower string) bool {
	return c.lex.TagSet(lower).Has(lexicon.Adj)
}

func isContentTag(tag string) bool {
	switch tag {
	case "NOUN", "PROPN", "ADJ", "VERB", "X", "NUM", "ADV", "INTJ":
		return true
	}
	return false
}

// at tries to read a phrase starting at token i. It returns the phrase, the
// index where scanning resumes, and whether a phrase was found.
func (c *chunker) at(i int) (Phrase, int, bool) {
	switch c.cls[i] {
	case clsAcronym:
		return c.phrase(i, i+1, i, Acronym), i + 1, true
	case clsName:
		return c.name(i)
	case clsCapCommon:
		if i+1 < len(c.toks) && (c.toks[i+1].Kind == token.Number && versionNumber(c.toks[i+1].Text)) {
			return c.name(i) // « Office 365 »
		}
		if c.tags[i] == "ADJ" || c.tags[i] == "NOUN" || c.tags[i] == "PROPN" || c.tags[i] == "X" {
			return c.common(i, true)
		}
		return c.name(i)
	case clsWord:
		if c.isDet(i) {
			return Phrase{}, i + 1, false
		}
		if c.tags[i] == "ADJ" || c.tags[i] == "NOUN" {
			return c.common(i, false)
		}
	}
	return Phrase{}, i + 1, false
}

func (c *chunker) isDet(i int) bool {
	return c.tags[i] == "DET"
}

// name reads a run of capitalised words: « Jen Psaki », « Cybersecurity and
// Infrastructure Security Agency », « Office 365 ».
func (c *chunker) name(i int) (Phrase, int, bool) {
	j := i + 1
	for j < len(c.toks) {
		switch {
		case c.cls[j] == clsName || c.cls[j] == clsCapCommon:
			j++
			continue
		case c.toks[j].Kind == token.Number && versionNumber(c.toks[j].Text):
			// A product's version: « Office 365 », « Windows 11 ».
			j++
			continue
		case j == i+1 && c.cls[j] == clsWord && c.isFirstName(i) && particles[strings.ToLower(token.Fold(c.toks[j].Text))] > 0:
			// « Laure de la Raudière », « Charles de Gaulle », « Ursula
			// von der Leyen »: a first name, particles, a capitalised name.
			k := j + particles[strings.ToLower(token.Fold(c.toks[j].Text))]
			for k < len(c.toks) && c.cls[k] == clsWord && particles[strings.ToLower(token.Fold(c.toks[k].Text))] > 0 && k-j < 3 {
				k++
			}
			if k < len(c.toks) && c.cls[k] == clsName {
				j = k + 1
				continue
			}
		case c.cls[j] == clsWord && nameConnectors[strings.ToLower(c.toks[j].Text)] &&
			j+1 < len(c.toks) && (c.cls[j+1] == clsName || c.cls[j+1] == clsCapCommon) && c.cls[i] != clsWord:
			// « Cybersecurity and Infrastructure », « Johnson & Johnson ».
			j += 2
			continue
		}
		break
	}
	head := j - 1
	for head > i && c.toks[head].Kind == token.Number {
		head--
	}
	p := c.phrase(i, j, head, Proper)
	// A name's words are their own lemmas, capitals included.
	p.HeadLemma = p.Head
	p.Lemmas = p.Lemmas[:0]
	for k := i; k < j; k++ {
		if c.isContent(k) {
			p.Lemmas = append(p.Lemmas, c.toks[k].Text)
		}
	}
	return p, j, true
}

// common reads DET? ADJ* NOUN ADJ* (ADP DET? ADJ* NOUN ADJ*)* from token i,
// which is past any determiner. capHead says the phrase starts with a
// capitalised common word: an institution's name.
func (c *chunker) common(i int, capHead bool) (Phrase, int, bool) {
	n := len(c.toks)
	j := i
	// Pre-nominal adjectives.
	for j < n && c.tags[j] == "ADJ" && !c.isNameLike(j, capHead) {
		if stopAdjectives[strings.ToLower(c.toks[j].Text)] {
			return Phrase{}, j + 1, false
		}
		j++
	}
	if j >= n || !(c.tags[j] == "NOUN" || capHead && c.cls[j] == clsCapCommon) || c.isNameLike(j, capHead && j == i) {
		if j == i {
			return Phrase{}, i + 1, false
		}
		return Phrase{}, j, false
	}
	head := j
	if c.cls[head] == clsCapCommon {
		capHead = true
	}
	j = c.postModifiers(j+1, capHead)
	end := j
	// Prepositional complements.
	for pp := 0; pp < 4 && j < n; pp++ {
		k, ok := c.complement(j, capHead)
		if !ok {
			break
		}
		j, end = k, k
	}
	kind := Common
	if capHead {
		kind = Proper
	}
	return c.phrase(i, end, head, kind), end, true
}

// postModifiers skips the adjectives and adjectival participles after a noun
// and returns the index after them.
func (c *chunker) postModifiers(j int, capHead bool) int {
	n := len(c.toks)
	for j < n {
		switch {
		case c.tags[j] == "ADJ" && (c.cls[j] == clsWord || capHead && c.cls[j] != clsAcronym && c.cls[j] != clsOther):
			if stopAdjectives[strings.ToLower(c.toks[j].Text)] {
				return j
			}
			j++
		case capHead && (c.cls[j] == clsCapCommon || c.cls[j] == clsName) && c.tags[j] != "NOUN":
			// « Maison Blanche », whatever the tagger made of « Blanche ».
			j++
		case c.cls[j] == clsWord && c.isParticipleModifier(j):
			j++
		default:
			return j
		}
	}
	return j
}

// complement reads one ADP DET? ADJ* NOUN ADJ* from j and returns the index
// after it.
func (c *chunker) complement(j int, capHead bool) (int, bool) {
	n := len(c.toks)
	k := j
	// « et de sécurité des infrastructures » continues an institution's name.
	if capHead && k+1 < n && strings.EqualFold(c.toks[k].Text, "et") {
		k++
	}
	if k >= n || c.cls[k] != clsWord {
		return 0, false
	}
	prep := strings.ToLower(token.Fold(c.toks[k].Text))
	tag := c.tags[k]
	bare := false // only a noun without determiner may follow
	switch {
	case prep == "de" || prep == "d'":
		if tag != "ADP" && tag != "DET" {
			return 0, false
		}
	case (prep == "du" || prep == "des") && tag == "ADP+DET":
	case prep == "en" || prep == "à":
		if tag != "ADP" {
			return 0, false
		}
		bare = true
	default:
		return 0, false
	}
	k++
	if k < n && !bare && c.tags[k] == "DET" && c.cls[k] == clsWord && articles[strings.ToLower(token.Fold(c.toks[k].Text))] && (prep == "de" || prep == "d'") {
		k++
	}
	for k < n && c.tags[k] == "ADJ" && c.cls[k] == clsWord {
		if stopAdjectives[strings.ToLower(c.toks[k].Text)] {
			return 0, false
		}
		k++
	}
	if k >= n || !(c.tags[k] == "NOUN" || c.tags[k] == "PROPN" && c.cls[k] == clsCapCommon) || !(c.cls[k] == clsWord || c.cls[k] == clsCapCommon && c.capComplement(k)) {
		return 0, false
	}
	if bare && notComplements[strings.ToLower(c.toks[k].Text)] {
		return 0, false
	}
	return c.postModifiers(k+1, capHead && c.cls[k] == clsCapCommon), true
}

// capComplement reports whether the capitalised common noun at k completes
// the phrase before it (« ministère du Commerce », « secrétaire d'État »)
// rather than opening a name of its own (« de la Maison Blanche »).
func (c *chunker) capComplement(k int) bool {
	if institutions[strings.ToLower(c.toks[k].Text)] {
		return false
	}
	return k+1 >= len(c.toks) || c.cls[k+1] != clsName && c.cls[k+1] != clsCapCommon
}

// isNameLike reports whether token j is a name that a common phrase must not
// swallow.
func (c *chunker) isNameLike(j int, allowCap bool) bool {
	switch c.cls[j] {
	case clsName, clsAcronym:
		return true
	case clsCapCommon:
		return !allowCap
	}
	return false
}

// isParticipleModifier reports whether the verb at j is a past participle
// used as an adjective (« victimes touchées », « entreprises basées »): a
// participle in the lexicon that no complement follows, so that « requis par
// le système » stays out of the phrase.
func (c *chunker) isParticipleModifier(j int) bool {
	if c.tags[j] != "VERB" {
		return false
	}
	var buf [8]lexicon.Analysis
	part := false
	for _, a := range c.lex.AppendLookup(buf[:0], c.toks[j].Text) {
		if a.PastParticiple() {
			part = true
			break
		}
	}
	if !part {
		return false
	}
	if j+1 >= len(c.toks) {
		return true
	}
	switch c.tags[j+1] {
	case "DET", "PRON", "ADV", "NUM", "ADP+DET", "NOUN", "PROPN", "VERB", "AUX":
		return false
	case "ADP":
		return false
	}
	return true
}

// phrase builds the Phrase over tokens [i, j) with its head at h.
func (c *chunker) phrase(i, j, h int, kind Kind) Phrase {
	p := Phrase{Start: c.toks[i].Start, End: c.toks[j-1].End, Kind: kind}
	if p.Start >= 0 && p.End <= len(c.sentence) && p.Start <= p.End && c.sentence[p.Start:p.End] == joinedSpan(c.toks[i:j], c.sentence) {
		p.Text = c.sentence[p.Start:p.End]
	} else {
		parts := make([]string, 0, j-i)
		for _, t := range c.toks[i:j] {
			parts = append(parts, t.Text)
		}
		p.Text = strings.Join(parts, " ")
	}
	p.Head = c.toks[h].Text
	p.HeadLemma = c.lemma(h)
	for k := i; k < j; k++ {
		if c.isContent(k) {
			p.Lemmas = append(p.Lemmas, c.lemma(k))
		}
	}
	return p
}

// joinedSpan returns sentence[start:end] of the tokens if the offsets are
// consistent with their texts, else "" (which no real span equals unless
// the tokens are empty).
func joinedSpan(toks []token.Token, sentence string) string {
	for _, t := range toks {
		if t.Start < 0 || t.End > len(sentence) || t.Start > t.End || sentence[t.Start:t.End] != t.Text {
			return "\x00"
		}
	}
	return sentence[toks[0].Start:toks[len(toks)-1].End]
}

func (c *chunker) isContent(k int) bool {
	switch c.cls[k] {
	case clsName, clsCapCommon, clsAcronym:
		return true
	case clsOther:
		return c.toks[k].Kind == token.Number
	}
	switch c.tags[k] {
	case "NOUN", "ADJ", "PROPN", "VERB", "X":
		return true
	}
	return false
}

// lemma gives token k's lemma: names as written, other words from the
// tagger's lexicon, lower-cased.
func (c *chunker) lemma(k int) string {
	t := c.toks[k].Text
	switch c.cls[k] {
	case clsName, clsAcronym, clsOther:
		return t
	}
	tag := c.tags[k]
	if c.cls[k] == clsCapCommon && tag != "NOUN" && tag != "ADJ" {
		tag = "NOUN"
	}
	lower := strings.ToLower(t)
	if tag == "NOUN" {
		// A singular noun is its own lemma: the lexicon files some
		// feminine nouns under a masculine lemma (« directive » under
		// « directif »), which suits adjectives, not keyphrases. A plural
		// takes the singular the lexicon knows.
		if c.singularNoun(lower) {
			return lower
		}
		for _, suffix := range []string{"s", "x"} {
			if sing, ok := strings.CutSuffix(lower, suffix); ok && c.singularNoun(sing) {
				return sing
			}
		}
	}
	return strings.ToLower(pos.Default().Lemma(t, tag))
}

func (c *chunker) singularNoun(form string) bool {
	var buf [8]lexicon.Analysis
	for _, a := range c.lex.AppendLookup(buf[:0], form) {
		if a.POS == lexicon.Noun && (a.Number == lexicon.Sing || a.Number == lexicon.NumberInv) {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	letters := 0
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) && i > 0:
		case r == '&' && i > 0:
		default:
			return false
		}
	}
	return letters >= 2
}

// titleCase writes s with its first letter alone in capitals.
func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(r) + strings.ToLower(s[n:])
}

func hasDigit(s string) bool {
	return strings.IndexAny(s, "0123456789") >= 0
}

// versionNumber reports whether a number token can be a product's version:
// short, without a group separator, and not a year.
func versionNumber(s string) bool {
	if len(s) == 0 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return !(len(s) == 4 && s >= "1800" && s <= "2100")
}

func isState(s string) bool {
	return s == "État" || s == "Etat" || s == "États" || s == "Etats"
}
