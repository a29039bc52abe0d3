package write

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/keyphrase"
)

// Lengths of the SEO fields, in characters: Google shows 120–156 of a
// meta description (and 600 px of a title: maxTitlePixels).
const (
	minMetaDesc = 120
	maxMetaDesc = 156
	maxTitle    = 140
)

// meta writes the title, SEO title, meta description and slug.
func (w *writer) meta() {
	w.art.Title = w.title()
	w.art.SEOTitle = w.seoTitle()
	w.art.MetaDescription = w.metaDescription()
	w.art.Slug = Slug(w.art.Keyphrase)
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// title is the sources' headline that holds the keyphrase (or the first
// headline), else one built from the keyphrase and the lead's main phrase.
func (w *writer) title() string {
	var first string
	for _, src := range w.sh.Sources {
		if src.Related || src.Title == "" || runes(src.Title) > maxTitle {
			continue
		}
		if first == "" {
			first = src.Title
		}
		if keyphrase.ContainsAll(src.Title, w.p.KeyWords) {
			return src.Title
		}
	}
	if first != "" {
		return first
	}
	if np := ledeActor(w.draft.Lead); np != "" {
		return capitalize(w.kform) + nbsp + ": " + np
	}
	if np := w.leadPhrase(); np != "" {
		return capitalize(w.kform) + nbsp + ": " + np
	}
	return capitalize(w.kform)
}

// ledeActor is the actor of the lede as the lede describes it: its first
// noun phrase that a past participle and its complement qualify, with its
// determiner, up to the next verb or punctuation — « des pirates
// informatiques basés en Chine » of « Des pirates informatiques basés en
// Chine ont accédé… ». "" when the lede has none.
func ledeActor(lead string) string {
	if sp := token.Sentences(lead); len(sp) > 0 {
		lead = sp[0].Text
	}
	toks, words, tags := tagged(lead)
	n := len(toks)
	for i := 0; i+3 < n; i++ {
		if tags[i] != "DET" || tags[i+1] != "NOUN" {
			continue
		}
		j := i + 2
		for j < n && tags[j] == "ADJ" && !pastParticiple(words[j]) {
			j++
		}
		if j >= n || !pastParticiple(words[j]) {
			continue
		}
		k := j + 1
		for k < n {
			switch tags[k] {
			case "ADP", "ADP+DET", "DET", "NOUN", "PROPN", "ADJ", "NUM":
				k++
				continue
			}
			break
		}
		if k == j+1 || tags[k-1] == "ADP" || tags[k-1] == "DET" || tags[k-1] == "ADP+DET" {
			continue // a participle with no complement, or one cut short
		}
		np := strings.TrimSpace(lead[toks[i].Start:toks[k-1].End])
		if runes(np) > 70 || !balanced(np) {
			continue
		}
		return lowerFirst(np)
	}
	return ""
}

// tagged tokenizes s and tags its tokens.
func tagged(s string) (toks []token.Token, words, tags []string) {
	toks = token.Tokenize(s)
	words = make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	return toks, words, pos.Default().Tag(words)
}

// pastParticiple reports whether the lexicon knows w as a past participle.
func pastParticiple(w string) bool {
	for _, a := range lexicon.Default().LookupFold(w) {
		if a.PastParticiple() {
			return true
		}
	}
	return false
}

// leadPhrase is the lead's most salient noun phrase — the one whose head
// the story repeats most, longer phrases first on a tie — that does not
// repeat the keyphrase, with its determiner.
func (w *writer) leadPhrase() string {
	best, bestScore := chunk.Phrase{}, 0
	for _, p := range chunk.Phrases(w.draft.Lead) {
		if p.Kind != chunk.Common || runes(p.Text) >= 45 || sharesKeyword(p.Text, w.p.KeyWords) || !agrees(p) ||
			lexicon.IsTimeNoun(strings.ToLower(p.Head)) {
			continue
		}
		n := 0
		head := strings.ToLower(p.Head)
		for _, low := range w.memo.lower {
			if strings.Contains(low, head) {
				n++
			}
		}
		score := n*10 + len(strings.Fields(p.Text))
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	if best.Text == "" {
		return ""
	}
	return withDeterminer(best)
}

// seoTitle starts with the keyphrase, as Yoast wants, and fits the width
// Google shows (600 px). It restates the headline: the headline itself
// when it opens with the keyphrase, else the keyphrase and the
// headline's opening clause (« Hafnium : la Maison Blanche met en garde
// contre une « réelle menace » »), else the keyphrase and the headline's
// subject, another of its noun phrases, or the lead's.
func (w *writer) seoTitle() string {
	t := w.art.Title
	// A headline that opens with the keyphrase as the article writes it
	// (« Croissance du PIB … », not « Croissance PIB … ») is the SEO title.
	if fitsSERP(t) && startsWithKeyphrase(t, w.p.KeyWords) && strings.HasPrefix(strings.ToLower(t), strings.ToLower(w.kform)) {
		return t
	}
	head := capitalize(w.kform) + nbsp + ": "
	best := ""
	for _, c := range headlineClauses(t) {
		if c = head + lowerFirst(c); fitsSERP(c) && runes(c) > runes(best) && !keyphrase.ContainsAll(c[len(head):], w.p.KeyWords) {
			best = c
		}
	}
	if best != "" {
		return best
	}
	var nps []string
	subject := ""
	for i, p := range chunk.Phrases(t) {
		// A moment (« le vendredi », « la semaine ») names no topic.
		if p.Kind == chunk.Common && !sharesKeyword(p.Text, w.p.KeyWords) && !lexicon.IsTimeNoun(strings.ToLower(p.Head)) {
			nps = append(nps, head+withDeterminer(p))
			if i == 0 && len(strings.Fields(p.Text)) >= 2 {
				subject = nps[0] // « la campagne de piratage chinois »
			}
		}
	}
	// The headline's first noun phrase is its subject.
	if subject != "" && fitsSERP(subject) {
		return subject
	}
	for _, c := range nps {
		if fitsSERP(c) && runes(c) > runes(best) {
			best = c
		}
	}
	if best == "" {
		if np := w.leadPhrase(); np != "" && fitsSERP(head+np) {
			best = head + np
		}
	}
	if best != "" {
		return best
	}
	return capitalize(w.kform)
}

// sharesKeyword reports whether a phrase holds one of the keyphrase's
// words: after « Frappe de Nardi : », « la frappe » says it twice.
func sharesKeyword(phrase string, kw []string) bool {
	for _, k := range kw {
		if keyphrase.ContainsAll(phrase, []string{k}) {
			return true
		}
	}
	return false
}

// maxTitlePixels is the width of the title Google shows, as Yoast's
// snippet preview measures it.
const maxTitlePixels = 600

func fitsSERP(title string) bool { return check.TitlePixels(title) <= maxTitlePixels }

// complementHeads are the prepositions that open a complement of the
// clause (« pour traiter… », « contre une menace »), where a headline can
// stop; « de » and « à » also build compound nouns (« groupe de
// travail ») and never cut one.
var complementHeads = map[string]bool{"pour": true, "afin": true, "contre": true, "après": true, "avant": true,
	"selon": true, "dans": true, "avec": true, "sur": true, "lors": true, "malgré": true, "depuis": true,
	"pendant": true, "sans": true, "face": true, "chez": true, "vers": true, "parmi": true}

// headlineClauses returns the headline's opening clauses that read as a
// headline on their own: its text after a kicker (« Microsoft : »), whole
// and cut before each preposition that opens a complement, when the part
// kept has a verb, balanced quotation marks and ends on a noun, an
// adjective or a closing quotation mark (« l’administration Biden devrait
// former un groupe de travail » of « … pour traiter le piratage … »).
func headlineClauses(title string) []string {
	if _, after, ok := strings.Cut(title, ":"); ok && strings.Count(title, ":") == 1 {
		title = strings.TrimSpace(after)
	}
	title = strings.TrimRight(title, " .")
	toks, words, tags := tagged(title)
	var out []string
	ends := func(i int) bool { // the clause may end with token i
		switch tags[i] {
		case "NOUN", "PROPN", "ADJ", "NUM":
			return true
		}
		return toks[i].Text == "»"
	}
	for i := 1; i <= len(toks); i++ {
		if i < len(toks) && !complementHeads[strings.ToLower(toks[i].Text)] {
			continue
		}
		c := strings.TrimSpace(title[:toks[i-1].End])
		if ends(i-1) && balanced(c) && verbAmong(words[:i], tags[:i]) {
			out = append(out, c)
		}
	}
	return out
}

func startsWithKeyphrase(t string, words []string) bool {
	if len(words) == 0 {
		return false
	}
	ws := token.Words(t)
	if len(ws) == 0 {
		return false
	}
	return strings.EqualFold(ws[0], words[0])
}

// metaDescription is a complete sentence of 120–156 characters with the
// keyphrase once: a sentence of the sources that fits (or two that follow
// each other), else the keyphrase followed by a sentence that fits (or
// two).
func (w *writer) metaDescription() string {
	var story []facts.Sentence
	for _, s := range w.sh.Story() {
		if !w.memo.unpublishable(s) {
			story = append(story, s)
		}
	}
	prefix := capitalize(w.kform) + nbsp + ": "
	// The lede says what the story is: it is the description when it fits,
	// after the keyphrase when it does not hold it — the whole sentence, or
	// the first sentence a grammar-safe cut makes of it.
	for _, s := range story {
		if s.Item {
			continue
		}
		lede := strings.TrimSpace(s.Text)
		for _, t := range []string{lede, w.cut(lede)[0]} {
			if !keyphrase.ContainsAll(t, w.p.KeyWords) && !strings.HasPrefix(t, "«") && !opensWithPronoun(t) {
				t = prefix + lowerFirst(t)
			}
			if n := runes(t); n >= minMetaDesc && n <= maxMetaDesc && keyphrase.ContainsAll(t, w.p.KeyWords) && balanced(t) &&
				!opensWithPronoun(t) && occurrences(t, w.p.KeyWords[0]) == 1 {
				return t
			}
		}
		break
	}
	// The keyphrase and a story source's title that reads as a sentence
	// (« L’administration Biden devrait former un groupe de travail… »).
	for _, src := range w.sh.Sources {
		t := strings.TrimRight(strings.TrimSpace(src.Title), ".")
		if src.Related || t == "" || strings.Contains(t, ":") || keyphrase.ContainsAll(t, w.p.KeyWords) || !balanced(t) || !hasVerb(t) {
			continue
		}
		c := prefix + lowerFirst(t) + "."
		if n := runes(c); n >= minMetaDesc && n <= maxMetaDesc {
			return c
		}
	}
	for _, s := range story {
		t := strings.TrimSpace(s.Text)
		if n := runes(t); n >= minMetaDesc && n <= maxMetaDesc && keyphrase.ContainsAll(t, w.p.KeyWords) && balanced(t) && !opensWithPronoun(t) && occurrences(t, w.p.KeyWords[0]) == 1 {
			return t
		}
	}
	// Two consecutive sentences of one source that fit together.
	for i := 0; i+1 < len(story); i++ {
		a, b := story[i], story[i+1]
		if a.Source != b.Source || opensWithPronoun(a.Text) || strings.HasPrefix(b.Text, "«") {
			continue
		}
		t := strings.TrimSpace(a.Text) + " " + strings.TrimSpace(b.Text)
		if n := runes(t); n >= minMetaDesc && n <= maxMetaDesc && keyphrase.ContainsAll(t, w.p.KeyWords) && balanced(t) && occurrences(t, w.p.KeyWords[0]) <= 2 {
			return t
		}
	}
	best := ""
	for _, s := range story {
		t := strings.TrimSpace(s.Text)
		if keyphrase.ContainsAll(t, w.p.KeyWords) || !balanced(t) || strings.HasPrefix(t, "«") || opensWithPronoun(t) {
			continue
		}
		c := prefix + lowerFirst(t)
		if n := runes(c); n >= minMetaDesc && n <= maxMetaDesc {
			if best == "" {
				best = c
			}
		}
	}
	if best != "" {
		return best
	}
	// The keyphrase and two consecutive sentences of one source.
	for i := 0; i+1 < len(story); i++ {
		a, b := story[i], story[i+1]
		if a.Source != b.Source || a.Block != b.Block || strings.HasPrefix(a.Text, "«") || strings.HasPrefix(b.Text, "«") || opensWithPronoun(a.Text) {
			continue
		}
		t := strings.TrimSpace(a.Text) + " " + strings.TrimSpace(b.Text)
		if keyphrase.ContainsAll(t, w.p.KeyWords) || !balanced(t) {
			continue
		}
		c := prefix + lowerFirst(t)
		if n := runes(c); n >= minMetaDesc && n <= maxMetaDesc {
			return c
		}
	}
	// A complete sentence shorter than 120 characters is better than a
	// cut one: the longest that holds the keyphrase, or that fits after it.
	for _, s := range story {
		t := strings.TrimSpace(s.Text)
		if !balanced(t) || opensWithPronoun(t) {
			continue
		}
		c := t
		if !keyphrase.ContainsAll(t, w.p.KeyWords) {
			if strings.HasPrefix(t, "«") {
				continue
			}
			c = prefix + lowerFirst(t)
		}
		if runes(c) <= maxMetaDesc && runes(c) > runes(best) {
			best = c
		}
	}
	if best != "" {
		w.draft.Warnings = append(w.draft.Warnings, fmt.Sprintf("meta description: no sentence of the sources fits 120–156 characters; the longest complete one has %d", runes(best)))
		return best
	}
	// Last resort: the lead cut at a word boundary, marked as cut.
	lead := prefix + lowerFirst(w.draft.Lead)
	if keyphrase.ContainsAll(w.draft.Lead, w.p.KeyWords) {
		lead = w.draft.Lead
	}
	if runes(lead) <= maxMetaDesc {
		return lead
	}
	cut := []rune(lead)[:maxMetaDesc-1]
	s := string(cut)
	if i := strings.LastIndexAny(s, " \u00a0"); i > 0 {
		s = s[:i]
	}
	w.draft.Warnings = append(w.draft.Warnings, "meta description: no sentence of the sources fits 120–156 characters; the lead was cut at a word boundary")
	return strings.TrimRight(s, " ,;:") + "…"
}

// hasVerb reports whether the tagger reads a verb in s past its first
// word: a title with one is a sentence (« L’administration Biden devrait
// former… »), one without is a label (« Le piratage de Microsoft en
// chiffres »); a title with a colon is a label too.
func hasVerb(s string) bool {
	_, words, tags := tagged(s)
	return verbAmong(words, tags)
}

// verbAmong is hasVerb on tagged words: the headline's tags serve each of
// its opening clauses.
func verbAmong(words, tags []string) bool {
	for i, tag := range tags {
		if i == 0 {
			continue
		}
		if tag == "VERB" || tag == "AUX" {
			return true
		}
		// The tagger may read a bare verb after its subject as a noun
		// (« La campagne de piratage chinois cible des milliers… »): a
		// noun there would need a determiner of its own, so a form the
		// lexicon knows as a finite verb, after a noun or an adjective
		// and before a determiner, is the verb.
		if tag == "NOUN" && i+1 < len(tags) && (tags[i+1] == "DET" || tags[i+1] == "ADP+DET") && (tags[i-1] == "NOUN" || tags[i-1] == "ADJ") && lexicon.Default().FiniteFold(words[i]) {
			return true
		}
	}
	return false
}

// opensWithPronoun reports whether a sentence starts with a pronoun or a
// demonstrative whose antecedent is in the sentence before: alone, as a
// meta description, it would refer to nothing.
func opensWithPronoun(s string) bool { return facts.OpensAnaphoric(s) }

func balanced(s string) bool {
	return strings.Count(s, "«") == strings.Count(s, "»") && strings.Count(s, "“") == strings.Count(s, "”") && strings.Count(s, "(") == strings.Count(s, ")")
}

func occurrences(s, word string) int {
	n := 0
	for _, w := range token.Words(s) {
		if strings.EqualFold(w, word) {
			n++
		}
	}
	return n
}

// Slug turns a keyphrase into a URL slug: ASCII, lower case, hyphens.
func Slug(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ':
			b.WriteString("oe")
			dash = false
		case r == 'æ':
			b.WriteString("ae")
			dash = false
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.Trim(b.String(), "-")
}
