package check

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// The readability assessments of Yoast SEO 3.6.0 for French, from
// docs/yoast-rules.md §3.

func init() {
	for _, c := range []Check{
		&SubheadingDistribution{base{"readability.subheading_distribution", "subheadingsTooLong", Readability}},
		&ParagraphLength{base{"readability.paragraph_length", "textParagraphTooLong", Readability}},
		&SentenceLength{base{"readability.sentence_length", "textSentenceLength", Readability}},
		&TransitionWords{base{"readability.transition_words", "textTransitionWords", Readability}},
		&PassiveVoice{base{"readability.passive_voice", "passiveVoice", Readability}},
		&SentenceBeginnings{base{"readability.sentence_beginnings", "sentenceBeginnings", Readability}},
		&TextPresence{base{"readability.text_presence", "textPresence", Readability}},
	} {
		Register(c)
	}
}

var (
	_ Check = (*SubheadingDistribution)(nil)
	_ Check = (*ParagraphLength)(nil)
	_ Check = (*SentenceLength)(nil)
	_ Check = (*TransitionWords)(nil)
	_ Check = (*PassiveVoice)(nil)
	_ Check = (*SentenceBeginnings)(nil)
	_ Check = (*TextPresence)(nil)
)

// SubheadingDistribution checks the length of the text under each heading
// (§3.1).
type SubheadingDistribution struct{ base }

// Run implements Check.
func (c *SubheadingDistribution) Run(d *Document) (Result, bool) {
	t := d.Words
	var sections []int
	heads := 0
	cur := 0
	for _, b := range d.Body {
		if !b.counts() {
			continue
		}
		if b.Scope.IsHeading() {
			sections = append(sections, cur)
			cur = 0
			heads++
			continue
		}
		cur += b.Words
	}
	sections = append(sections, cur)
	if t <= 300 {
		return res(d, 9, "Texte assez court pour se passer d'intertitres.", "The text is short enough not to need subheadings.")
	}
	if heads == 0 {
		return res(d, 2, "Texte de %d mots sans intertitre : découpez-le en sections.", "A %d-word text without subheadings: split it into sections.", t)
	}
	s0 := sections[0]
	long, longest := 0, 0
	for _, s := range sections {
		if s > 300 {
			long++
		}
		longest = max(longest, s)
	}
	switch {
	case s0 > 300 && s0 <= 350 && long < 2:
		return res(d, 6, "Le début du texte (%d mots) vient avant tout intertitre : ajoutez-en un plus tôt.", "The beginning (%d words) comes before any subheading: add one earlier.", s0)
	case s0 > 350 && long < 2:
		return res(d, 3, "Le début du texte (%d mots) est trop long sans intertitre.", "The beginning (%d words) is too long without a subheading.", s0)
	case longest <= 300:
		return res(d, 9, "Les intertitres sont bien répartis.", "Subheadings are well distributed.")
	case longest <= 350:
		return res(d, 6, "Une section dépasse 300 mots (%d) : ajoutez un intertitre.", "A section is over 300 words (%d): add a subheading.", longest)
	}
	return res(d, 3, "Une section fait %d mots, bien plus que 300 : ajoutez des intertitres.", "A section has %d words, far over 300: add subheadings.", longest)
}

// ParagraphLength checks the longest paragraph (§3.2).
type ParagraphLength struct{ base }

// Run implements Check.
func (c *ParagraphLength) Run(d *Document) (Result, bool) {
	longest := 0
	for _, b := range d.Body {
		if b.Scope != ScopeParagraph {
			continue
		}
		n := 0
		for _, s := range b.Sentences {
			n += len(s.Words)
		}
		longest = max(longest, n)
	}
	switch {
	case longest <= 150:
		return res(d, 9, "Aucun paragraphe ne dépasse 150 mots.", "No paragraph is over 150 words.")
	case longest <= 200:
		return res(d, 6, "Un paragraphe fait %d mots : raccourcissez-le sous 150.", "A paragraph has %d words: shorten it under 150.", longest)
	}
	return res(d, 3, "Un paragraphe fait %d mots, bien plus que 150 : coupez-le.", "A paragraph has %d words, far over 150: split it.", longest)
}

// SentenceLength checks the share of sentences over 20 words (§3.3).
type SentenceLength struct{ base }

// Run implements Check.
func (c *SentenceLength) Run(d *Document) (Result, bool) {
	total, long := 0, 0
	for _, s := range d.Sentences() {
		if len(s.Words) == 0 {
			continue
		}
		total++
		if len(s.Words) > 20 {
			long++
		}
	}
	q := 0.0
	if total > 0 {
		q = r1(float64(long) / float64(total) * 100)
	}
	switch {
	case q <= 25:
		return res(d, 9, "%.1f %% des phrases dépassent 20 mots : bien.", "%.1f%% of sentences are over 20 words: good.", q)
	case q <= 30:
		return res(d, 6, "%.1f %% des phrases dépassent 20 mots : un peu trop, visez 25 %% au plus.", "%.1f%% of sentences are over 20 words: a bit many, aim for 25%% at most.", q)
	}
	return res(d, 3, "%.1f %% des phrases dépassent 20 mots : raccourcissez-les.", "%.1f%% of sentences are over 20 words: shorten them.", q)
}

// TransitionWords checks the share of sentences with a transition word
// (§3.4).
type TransitionWords struct{ base }

// twoPart are connectives in two parts that make a transition when both
// occur in one sentence.
var twoPart = [][2][]string{
	{{"non", "seulement"}, {"mais"}},
	{{"d'", "une", "part"}, {"d'", "autre", "part"}},
	{{"soit"}, {"soit"}},
	{{"tantôt"}, {"tantôt"}},
	{{"ni"}, {"ni"}},
}

var transitionIndex = sync.OnceValue(func() map[string][][]string {
	idx := map[string][][]string{}
	for _, t := range transitions() {
		if len(t) > 0 {
			idx[t[0]] = append(idx[t[0]], t)
		}
	}
	return idx
})

func hasRun(toks []string, i int, run []string) bool {
	if i+len(run) > len(toks) {
		return false
	}
	for j, w := range run {
		if toks[i+j] != w {
			return false
		}
	}
	return true
}

func findRun(toks []string, from int, run []string) int {
	for i := from; i < len(toks); i++ {
		if hasRun(toks, i, run) {
			return i
		}
	}
	return -1
}

// hasTransition reports whether a sentence holds a transition word.
func hasTransition(s string) bool {
	toks := transitionTokens(s)
	idx := transitionIndex()
	for i, t := range toks {
		for _, run := range idx[t] {
			if hasRun(toks, i, run) {
				return true
			}
		}
	}
	for _, tp := range twoPart {
		if i := findRun(toks, 0, tp[0]); i >= 0 && findRun(toks, i+len(tp[0]), tp[1]) >= 0 {
			return true
		}
	}
	return false
}

// Run implements Check.
func (c *TransitionWords) Run(d *Document) (Result, bool) {
	sents := d.Sentences()
	with := 0
	for _, s := range sents {
		if d.memo.hasTransition(s.Text) {
			with++
		}
	}
	q := 0.0
	if len(sents) > 0 {
		q = r1(float64(with) / float64(len(sents)) * 100)
	}
	switch {
	case d.SplitWords < 200:
		return res(d, 9, "Texte court : les mots de liaison ne sont pas évalués.", "Short text: transition words are not assessed.")
	case q < 20:
		return res(d, 3, "Seules %.1f %% des phrases ont un mot de liaison : visez 30 %%.", "Only %.1f%% of sentences have a transition word: aim for 30%%.", q)
	case q < 30:
		return res(d, 6, "%.1f %% des phrases ont un mot de liaison : visez 30 %%.", "%.1f%% of sentences have a transition word: aim for 30%%.", q)
	}
	return res(d, 9, "%.1f %% des phrases ont un mot de liaison : bien.", "%.1f%% of sentences have a transition word: good.", q)
}

// SentenceBeginnings checks for three consecutive sentences starting with
// the same word (§3.6).
type SentenceBeginnings struct{ base }

func beginning(s Sentence) string {
	if len(s.Words) == 0 {
		return ""
	}
	w := strings.ToLower(normQuotes(s.Words[0]))
	if firstWords()[w] && len(s.Words) > 1 {
		w += " " + strings.ToLower(normQuotes(s.Words[1]))
	}
	return w
}

// Run implements Check.
func (c *SentenceBeginnings) Run(d *Document) (Result, bool) {
	prev, run, worst := "", 0, 0
	word := ""
	for _, b := range d.Body {
		if !b.counts() || b.Scope == ScopeList {
			continue
		}
		for _, s := range b.Sentences {
			w := beginning(s)
			if w != "" && w == prev {
				run++
			} else {
				run = 1
			}
			prev = w
			if run > worst {
				worst, word = run, w
			}
		}
	}
	if worst >= 3 {
		return res(d, 3, "%d phrases de suite commencent par « %s » : variez les débuts de phrase.", "%d consecutive sentences start with “%s”: vary them.", worst, word)
	}
	return res(d, 9, "Les débuts de phrase sont variés.", "Sentence beginnings are varied.")
}

// TextPresence checks that there is some text at all (§3.7). With enough
// text its result is hidden and not counted, as in Yoast.
type TextPresence struct{ base }

// Run implements Check.
func (c *TextPresence) Run(d *Document) (Result, bool) {
	n := 0
	for _, b := range d.Body {
		if b.counts() {
			n += utf8.RuneCountInString(strings.ReplaceAll(b.Text, "\n", ""))
		}
	}
	if n < 50 {
		return res(d, 3, "Il n'y a pas assez de texte à analyser.", "There is not enough text to analyse.")
	}
	r, _ := res(d, 0, "", "")
	r.Hidden = true
	return r, true
}
