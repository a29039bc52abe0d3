package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/typo"
)

// plume's own checks, beyond Yoast.

func init() {
	for _, c := range []Check{
		&Typography{base{"plume.typography", "", Plume}},
		&HeadingsQuality{base{"plume.headings", "", Plume}},
		&MinWords{base{"plume.min_words", "", Plume}},
		&LanguagePurity{base{"plume.language", "", Plume}},
		&RepeatedSentences{base{"plume.repeated_sentences", "", Plume}},
		&ReadingEase{base{"plume.reading_ease", "", Plume}},
	} {
		Register(c)
	}
}

var (
	_ Check = (*Typography)(nil)
	_ Check = (*HeadingsQuality)(nil)
	_ Check = (*MinWords)(nil)
	_ Check = (*LanguagePurity)(nil)
	_ Check = (*RepeatedSentences)(nil)
	_ Check = (*ReadingEase)(nil)
)

// Typography checks French typography (package typo, plume's house style)
// in the title, SEO title, meta description, headings, paragraphs, lists and
// quotes: no-break space before : ; ! ?, « » with inner no-break spaces,
// typographic apostrophe, grouped thousands…
type Typography struct{ base }

type typoIssue struct {
	typo.Issue
	text string
}

func (i typoIssue) describe(lang string) string {
	found, want := i.Found, i.Want
	show := func(s string) string {
		return strings.NewReplacer(" ", "␣", "\u00a0", "⍽", "\u202f", "⍽").Replace(s)
	}
	lo, hi := max(0, i.Start-15), min(len(i.text), i.End+15)
	for lo > 0 && !utf8.RuneStart(i.text[lo]) {
		lo--
	}
	for hi < len(i.text) && !utf8.RuneStart(i.text[hi]) {
		hi++
	}
	ctx := strings.TrimSpace(i.text[lo:hi])
	if lang == "en" {
		return fmt.Sprintf("“%s” → “%s” in “%s”", show(found), show(want), ctx)
	}
	return fmt.Sprintf("« %s » → « %s » dans « %s »", show(found), show(want), ctx)
}

// Run implements Check.
func (c *Typography) Run(d *Document) (Result, bool) {
	var issues []typoIssue
	add := func(s string) {
		for _, is := range d.memo.typoIssues(s) {
			issues = append(issues, typoIssue{is, s})
		}
	}
	add(d.Title.Text)
	if d.Article.SEOTitle != "" {
		add(d.Article.SEOTitle)
	}
	add(d.Meta.Text)
	for _, b := range d.Body {
		if b.Scope != ScopeImage {
			add(b.Text)
		}
	}
	n := len(issues)
	switch {
	case n == 0:
		return res(d, 9, "La typographie française est respectée.", "French typography is correct.")
	case n <= 3:
		return res(d, 6, "%d faute(s) de typographie, dont : %s (plume analyze --fix les corrige).", "%d typography issue(s), e.g. %s (plume analyze --fix corrects them).", n, issues[0].describe(d.Lang))
	}
	return res(d, 3, "%d fautes de typographie, dont : %s (plume analyze --fix les corrige).", "%d typography issues, e.g. %s (plume analyze --fix corrects them).", n, issues[0].describe(d.Lang))
}

// HeadingsQuality checks for empty headings and headings repeated verbatim.
type HeadingsQuality struct{ base }

// Run implements Check.
func (c *HeadingsQuality) Run(d *Document) (Result, bool) {
	hs := d.Headings()
	if len(hs) == 0 {
		return Result{}, false
	}
	seen := map[string]bool{}
	empty, dup := 0, ""
	for _, h := range hs {
		k := strings.Join(strings.FieldsFunc(token.Normalize(h.Text), func(r rune) bool {
			return r == ' ' || isPunct(r)
		}), " ")
		if k == "" {
			empty++
			continue
		}
		if seen[k] && dup == "" {
			dup = h.Text
		}
		seen[k] = true
	}
	switch {
	case empty > 0:
		return res(d, 3, "%d intertitre(s) vide(s) : donnez-leur un texte ou supprimez-les.", "%d empty heading(s): give them text or remove them.", empty)
	case dup != "":
		return res(d, 3, "L'intertitre « %s » apparaît plusieurs fois : chaque intertitre doit être unique.", "The heading “%s” appears more than once: each heading should be unique.", dup)
	}
	return res(d, 9, "Les intertitres sont uniques et non vides.", "Headings are unique and not empty.")
}

// MinWords checks the brief's minimum length (Options.MinWords).
type MinWords struct{ base }

// Run implements Check.
func (c *MinWords) Run(d *Document) (Result, bool) {
	if d.MinWords <= 0 {
		return Result{}, false
	}
	if d.Words >= d.MinWords {
		return res(d, 9, "Le texte compte %d mots, au moins les %d demandés.", "The text has %d words, at least the %d required.", d.Words, d.MinWords)
	}
	return res(d, 3, "Le texte compte %d mots, moins que les %d demandés.", "The text has %d words, fewer than the %d required.", d.Words, d.MinWords)
}

// LanguagePurity checks that every section (a heading and the blocks under
// it) is in French.
type LanguagePurity struct{ base }

// Run implements Check.
func (c *LanguagePurity) Run(d *Document) (Result, bool) {
	if l := d.modeFree.lang; l != nil {
		return l.r, l.ok // the language of the text is the same in either mode
	}
	r, ok := c.run(d)
	d.modeFree.lang = &langResult{r, ok}
	return r, ok
}

func (c *LanguagePurity) run(d *Document) (Result, bool) {
	var sections []string
	var cur strings.Builder
	for _, b := range d.Body {
		if b.Scope == ScopeImage {
			continue
		}
		if b.Scope.IsHeading() && cur.Len() > 0 {
			sections = append(sections, cur.String())
			cur.Reset()
		}
		cur.WriteString(b.Text)
		cur.WriteString("\n")
	}
	if cur.Len() > 0 {
		sections = append(sections, cur.String())
	}
	checked := 0
	for i, s := range sections {
		r := d.memo.detect(s)
		if r.Lang == langid.Unknown {
			continue
		}
		checked++
		if r.Lang != langid.French && r.Confidence >= 0.5 {
			return res(d, 3, "La section %d semble écrite dans une autre langue (%s) que le français.", "Section %d seems to be in another language (%s) than French.", i+1, r.Lang)
		}
	}
	if checked == 0 {
		return Result{}, false
	}
	return res(d, 9, "Toutes les sections sont en français.", "Every section is in French.")
}

// RepeatedSentences checks for sentences of five words or more that occur
// twice verbatim outside headings (plume.headings covers those), a sign of a
// copy-paste or a writer loop.
type RepeatedSentences struct{ base }

// Run implements Check.
func (c *RepeatedSentences) Run(d *Document) (Result, bool) {
	seen := map[string]bool{}
	n, first := 0, ""
	var sents []Sentence
	for _, b := range d.Body {
		if b.counts() && !b.Scope.IsHeading() {
			sents = append(sents, b.Sentences...)
		}
	}
	for _, s := range sents {
		if len(s.Words) < 5 {
			continue
		}
		k := strings.ToLower(s.Text)
		if seen[k] {
			n++
			if first == "" {
				first = s.Text
			}
		}
		seen[k] = true
	}
	if n == 0 {
		return res(d, 9, "Aucune phrase n'est répétée.", "No sentence is repeated.")
	}
	if len(first) > 80 {
		first = first[:strings.LastIndex(first[:80], " ")+1] + "…"
	}
	return res(d, 3, "%d phrase(s) répétée(s) mot pour mot, dont « %s ».", "%d sentence(s) repeated verbatim, e.g. “%s”.", n, first)
}

// ReadingEase reports the Kandel–Moles reading ease (Kandel & Moles 1958,
// the French adaptation of Flesch's formula): 60 and above is easy for a
// general readership, under 30 is hard.
type ReadingEase struct{ base }

// Run implements Check.
func (c *ReadingEase) Run(d *Document) (Result, bool) {
	f := d.figures()
	if f.Sentences == 0 || d.MergedWords < 50 {
		return Result{}, false
	}
	switch {
	case f.Flesch >= 50:
		return res(d, 9, "Lisibilité Kandel–Moles %.1f : facile à lire.", "Kandel–Moles reading ease %.1f: easy to read.", f.Flesch)
	case f.Flesch >= 30:
		return res(d, 6, "Lisibilité Kandel–Moles %.1f : assez difficile, raccourcissez phrases et mots.", "Kandel–Moles reading ease %.1f: fairly hard, use shorter sentences and words.", f.Flesch)
	}
	return res(d, 3, "Lisibilité Kandel–Moles %.1f : difficile à lire.", "Kandel–Moles reading ease %.1f: hard to read.", f.Flesch)
}
